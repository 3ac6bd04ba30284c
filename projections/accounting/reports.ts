import {
  ACCOUNT_CODES,
  ACCOUNTS,
  COST_OF_GOODS_SOLD,
  CUSTOMER_DEPOSITS,
  PURCHASE_PRICE_VARIANCE,
  SALES_REVENUE,
} from './chart-of-accounts';
import { periodFigures, type PeriodFigures, type PeriodTotals } from './period-totals';
import type { Policy } from './recognition-policies';

export interface TrialBalanceLine {
  readonly account: string;
  readonly name: string;
  readonly debit: number;
  readonly credit: number;
}

/** Each account's total debits and credits over every period up to `through`. */
export function trialBalance(totals: PeriodTotals, through: string | null = null) {
  const lines: TrialBalanceLine[] = ACCOUNT_CODES.map((code) => {
    let debit = 0;
    let credit = 0;
    for (const [period, accounts] of totals) {
      if (through !== null && period > through) continue;
      debit += accounts.get(code)?.debit ?? 0;
      credit += accounts.get(code)?.credit ?? 0;
    }
    return { account: code, name: ACCOUNTS[code].name, debit, credit };
  });
  const debit = lines.reduce((t, l) => t + l.debit, 0);
  const credit = lines.reduce((t, l) => t + l.credit, 0);
  return { lines, debit, credit, balanced: debit === credit };
}

/** Revenue, cost of goods sold, price variance and gross margin per month. */
export function profitAndLoss(totals: PeriodTotals) {
  return [...totals.keys()].sort().map((period) => {
    const accounts = totals.get(period)!;
    const net = (code: typeof SALES_REVENUE) =>
      (accounts.get(code)?.debit ?? 0) - (accounts.get(code)?.credit ?? 0);
    const revenue = -net(SALES_REVENUE);
    const costOfGoodsSold = net(COST_OF_GOODS_SOLD);
    const priceVariance = net(PURCHASE_PRICE_VARIANCE);
    return {
      period,
      revenue,
      costOfGoodsSold,
      priceVariance,
      grossMargin: revenue - costOfGoodsSold - priceVariance,
    };
  });
}

/** Customer deposits per month: opening, received, applied to revenue or refunded, closing. */
export function contractLiabilityRollForward(totals: PeriodTotals) {
  let opening = 0;
  return [...totals.keys()].sort().map((period) => {
    const side = totals.get(period)!.get(CUSTOMER_DEPOSITS) ?? { debit: 0, credit: 0 };
    const closing = opening + side.credit - side.debit;
    const row = { period, opening, received: side.credit, appliedOrRefunded: side.debit, closing };
    opening = closing;
    return row;
  });
}

/** Revenue, cost and liability per period under each policy, from totals folded in one pass. */
export function comparePolicies(
  byPolicy: ReadonlyMap<Policy, PeriodTotals>,
  policies: readonly Policy[],
  from: string | null,
  to: string | null,
) {
  const figures = new Map<Policy, PeriodFigures[]>(
    policies.map((policy) => [policy, periodFigures(byPolicy.get(policy) ?? new Map(), from, to)]),
  );
  const periods = [...new Set([...figures.values()].flat().map((f) => f.period))].sort();
  return periods.map((period) => ({
    period,
    policies: Object.fromEntries(
      policies.map((policy) => {
        const f = figures.get(policy)!.find((row) => row.period === period);
        return [
          policy,
          { revenue: f?.revenue ?? 0, cost: f?.cost ?? 0, liability: f?.deposits ?? 0 },
        ];
      }),
    ),
  }));
}
