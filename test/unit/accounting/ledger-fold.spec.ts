import { CASH } from '../../../projections/accounting/chart-of-accounts';
import { isBalanced, type JournalEntry } from '../../../projections/accounting/journal-entry';
import type { LedgerEvent } from '../../../projections/accounting/ledger-events';
import { foldLedgerEvent, initialLedgerState } from '../../../projections/accounting/ledger-fold';
import {
  balancesThrough,
  LedgerTotals,
  periodFigures,
} from '../../../projections/accounting/period-totals';
import { POLICIES, type Policy } from '../../../projections/accounting/recognition-policies';
import { deepFreeze } from '../../support/decider';
import { depositToPickupStory, ledgerLog } from '../../support/ledger-story';

function journal(policies: readonly Policy[], events: readonly LedgerEvent[], redeliver = true) {
  const state = initialLedgerState(policies);
  const entries: JournalEntry[] = [];
  for (const event of events.map(deepFreeze)) {
    foldLedgerEvent(state, event, (entry) => entries.push(entry));
    if (redeliver) foldLedgerEvent(state, event, (entry) => entries.push(entry));
  }
  return entries;
}

function figures(policy: Policy, events: readonly LedgerEvent[]) {
  const totals = new LedgerTotals([policy]);
  journal([policy], events).forEach(totals.add);
  return periodFigures(totals.byPolicy.get(policy)!);
}

describe('ledger fold, one story under each policy', () => {
  const story = depositToPickupStory();

  it.each(POLICIES)(
    '%s: every entry balances and every line names its causing events',
    (policy) => {
      const entries = journal([policy], story);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(isBalanced(entry)).toBe(true);
        for (const line of entry.lines) {
          expect(line.eventIds.length).toBeGreaterThan(0);
          expect(line.eventIds).toContain(entry.entryId.split(':')[0]);
        }
      }
    },
  );

  it.each(POLICIES)('%s: a redelivered event posts nothing twice', (policy) => {
    expect(journal([policy], story, true)).toEqual(journal([policy], story, false));
  });

  it('at-pickup: the deposit stays a liability until March, then revenue and cost follow', () => {
    expect(figures('at-pickup', story)).toEqual([
      { period: '2026-01', revenue: 0, cost: 0, deposits: 500 },
      { period: '2026-02', revenue: 0, cost: 20, deposits: 500 },
      { period: '2026-03', revenue: 1800, cost: 1100, deposits: 0 },
    ]);
  });

  it('at-set-aside: revenue and PO cost when the units are set aside in February', () => {
    expect(figures('at-set-aside', story)).toEqual([
      { period: '2026-01', revenue: 0, cost: 0, deposits: 500 },
      { period: '2026-02', revenue: 1800, cost: 1120, deposits: 0 },
      { period: '2026-03', revenue: 0, cost: 0, deposits: 0 },
    ]);
  });

  it('at-order: revenue at the invoice in January (management view), cost at the snapshot cost', () => {
    expect(figures('at-order', story)).toEqual([
      { period: '2026-01', revenue: 1800, cost: 1200, deposits: 0 },
      { period: '2026-02', revenue: 0, cost: 20, deposits: 0 },
      { period: '2026-03', revenue: 0, cost: 0, deposits: 0 },
    ]);
  });

  it('folds all three policies in one pass with the same journals as one at a time', () => {
    const together = journal(POLICIES, story);
    for (const policy of POLICIES)
      expect(together.filter((e) => e.policy === policy)).toEqual(journal([policy], story));
  });

  it('cash is identical under every policy, and everything ends settled', () => {
    const totals = new LedgerTotals(POLICIES);
    journal(POLICIES, story).forEach(totals.add);
    for (const policy of POLICIES) {
      const balances = balancesThrough(totals.byPolicy.get(policy)!, null);
      expect(balances[CASH]).toBe(1948);
      expect(balances['1100']).toBe(0);
      expect(balances['2200']).toBe(0);
      expect(balances['2300']).toBe(-148);
      expect(balances['2000']).toBe(-1120);
      expect(balances['2100']).toBe(0);
    }
    expect(totals.unbalanced).toBe(0);
  });
});

describe('ledger fold, cancellation after recognition', () => {
  it('at-set-aside: a cancelled set-aside line reverses revenue and cost, and the refund clears the deposit', () => {
    const story = depositToPickupStory().slice(0, 7);
    const later = ledgerLog();
    let position = story.length;
    const tail = [
      later('BackorderLineCancelled', '2026-02-10T10:00:00.000Z', {
        backorderId: 'b-1',
        lineId: 'l-1',
        reason: 'changed mind',
        disposition: 'keep-as-stock',
      }),
      later('RefundIssued', '2026-02-10T10:10:00.000Z', {
        backorderId: 'b-1',
        refundId: 'ref-1',
        amount: { amount: 500, currency: 'USD' },
        method: 'cash',
        reference: null,
        reason: 'cancelled',
        lineId: 'l-1',
        disposition: 'keep-as-stock',
      }),
    ].map((event) => ({ ...event, position: ++position }));
    const events = [...story, ...tail];
    expect(figures('at-set-aside', events)).toEqual([
      { period: '2026-01', revenue: 0, cost: 0, deposits: 500 },
      { period: '2026-02', revenue: 0, cost: 0, deposits: 0 },
    ]);
    const entries = journal(['at-set-aside'], events);
    const reversal = entries.find((entry) => entry.description.includes('reversed'));
    expect(reversal?.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ account: '4000', debit: 1800 }),
        expect.objectContaining({ account: '2200', credit: 500 }),
        expect.objectContaining({ account: '1100', credit: 1448 }),
        expect.objectContaining({ account: '1200', debit: 1100 }),
      ]),
    );
  });
});
