import { CASH, CUSTOMER_DEPOSITS } from './chart-of-accounts';
import type { LedgerState } from './ledger-fold';
import { balancesThrough, type LedgerTotals } from './period-totals';

export interface LedgerInvariant {
  readonly rule:
    | 'every-entry-balances'
    | 'every-deposit-accounted-for'
    | 'no-unit-recognised-twice'
    | 'cash-equals-payments';
  readonly holds: boolean;
  readonly detail: string;
}

/** The continuous checks of issue 12, over a fold of the whole log under every policy. */
export function checkLedgerInvariants(state: LedgerState, totals: LedgerTotals): LedgerInvariant[] {
  const out: LedgerInvariant[] = [
    {
      rule: 'every-entry-balances',
      holds: totals.unbalanced === 0,
      detail: `${totals.entries} entries, ${totals.unbalanced} unbalanced`,
    },
  ];
  const deposits: string[] = [];
  const twice: string[] = [];
  const cash: string[] = [];
  for (const ledger of state.ledgers) {
    const balances = balancesThrough(totals.byPolicy.get(ledger.policy) ?? new Map(), null);
    let held = 0;
    for (const [backorderId, book] of ledger.orders) {
      held += book.deposits;
      if (book.deposits < 0)
        deposits.push(`${ledger.policy}: order ${backorderId} holds ${book.deposits}`);
      const order = state.orders.get(backorderId);
      for (const [lineId, units] of book.recognised) {
        const line = order?.lines.get(lineId);
        const most = line ? Math.max(line.quantity, line.fulfilled) : 0;
        if (units < 0 || units > most)
          twice.push(
            `${ledger.policy}: line ${lineId} of ${backorderId} recognised ${units} of ${most}`,
          );
      }
    }
    // Deposits held per order (neither applied nor refunded) are exactly the liability's balance.
    if (held !== -balances[CUSTOMER_DEPOSITS])
      deposits.push(
        `${ledger.policy}: orders hold ${held}, the ledger ${-balances[CUSTOMER_DEPOSITS]}`,
      );
    if (balances[CASH] !== state.cashRecorded)
      cash.push(`${ledger.policy}: ledger ${balances[CASH]}, recorded ${state.cashRecorded}`);
  }
  out.push(
    {
      rule: 'every-deposit-accounted-for',
      holds: deposits.length === 0,
      detail: deposits.join('; ') || 'every deposit is held, applied or refunded',
    },
    {
      rule: 'no-unit-recognised-twice',
      holds: twice.length === 0,
      detail: twice.slice(0, 20).join('; ') || 'no unit recognised twice under any policy',
    },
    {
      rule: 'cash-equals-payments',
      holds: cash.length === 0,
      detail: cash.join('; ') || `cash ${state.cashRecorded} under every policy`,
    },
  );
  return out;
}
