import {
  ACCOUNT_CODES,
  type AccountCode,
  COST_OF_GOODS_SOLD,
  CUSTOMER_DEPOSITS,
  PURCHASE_PRICE_VARIANCE,
  SALES_REVENUE,
} from './chart-of-accounts';
import type { JournalEntry } from './journal-entry';
import type { Policy } from './recognition-policies';

export interface AccountTotals {
  debit: number;
  credit: number;
}

/** Debits and credits per account per period, for one policy. */
export type PeriodTotals = Map<string, Map<AccountCode, AccountTotals>>;

/** Per policy, per period, per account: what the book is written from. */
export class LedgerTotals {
  readonly byPolicy = new Map<Policy, PeriodTotals>();
  entries = 0;
  unbalanced = 0;

  constructor(policies: readonly Policy[]) {
    for (const policy of policies) this.byPolicy.set(policy, new Map());
  }

  /** Adds an entry: an unbalanced one is counted, never silently dropped. */
  readonly add = (entry: JournalEntry): void => {
    const periods = this.byPolicy.get(entry.policy);
    if (!periods) return;
    let accounts = periods.get(entry.period);
    if (!accounts) {
      accounts = new Map();
      periods.set(entry.period, accounts);
    }
    let balance = 0;
    for (const line of entry.lines) {
      let totals = accounts.get(line.account);
      if (!totals) {
        totals = { debit: 0, credit: 0 };
        accounts.set(line.account, totals);
      }
      totals.debit += line.debit;
      totals.credit += line.credit;
      balance += line.debit - line.credit;
    }
    this.entries += 1;
    if (balance !== 0) this.unbalanced += 1;
  };

  periods(policy: Policy): string[] {
    return [...(this.byPolicy.get(policy)?.keys() ?? [])].sort();
  }
}

export interface PeriodFigures {
  readonly period: string;
  /** Net sales revenue recognised in the period. */
  readonly revenue: number;
  /** Cost of goods sold plus purchase price variance in the period. */
  readonly cost: number;
  /** Customer deposits (contract liability) held at the end of the period. */
  readonly deposits: number;
}

/** Revenue, cost and the closing contract liability per period, from `from` to `to` inclusive. */
export function periodFigures(
  totals: PeriodTotals,
  from: string | null = null,
  to: string | null = null,
): PeriodFigures[] {
  const out: PeriodFigures[] = [];
  let deposits = 0;
  for (const period of [...totals.keys()].sort()) {
    const accounts = totals.get(period)!;
    const side = (code: AccountCode) => accounts.get(code) ?? { debit: 0, credit: 0 };
    deposits += side(CUSTOMER_DEPOSITS).credit - side(CUSTOMER_DEPOSITS).debit;
    if ((from !== null && period < from) || (to !== null && period > to)) continue;
    const revenue = side(SALES_REVENUE).credit - side(SALES_REVENUE).debit;
    const cost =
      side(COST_OF_GOODS_SOLD).debit -
      side(COST_OF_GOODS_SOLD).credit +
      side(PURCHASE_PRICE_VARIANCE).debit -
      side(PURCHASE_PRICE_VARIANCE).credit;
    out.push({ period, revenue, cost, deposits });
  }
  return out;
}

/** Net balance (debit minus credit) per account over the periods up to `through` inclusive. */
export function balancesThrough(
  totals: PeriodTotals,
  through: string | null,
): Record<AccountCode, number> {
  const balances = Object.fromEntries(ACCOUNT_CODES.map((code) => [code, 0])) as Record<
    AccountCode,
    number
  >;
  for (const [period, accounts] of totals) {
    if (through !== null && period > through) continue;
    for (const [code, side] of accounts) balances[code] += side.debit - side.credit;
  }
  return balances;
}
