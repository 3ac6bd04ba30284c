import {
  emptyBookHistory,
  publishedTotals,
  restate,
} from '../../../projections/accounting/book-view';
import { toCsv } from '../../../projections/accounting/csv';
import type { JournalEntry } from '../../../projections/accounting/journal-entry';
import { foldLedgerEvent, initialLedgerState } from '../../../projections/accounting/ledger-fold';
import { checkLedgerInvariants } from '../../../projections/accounting/ledger-invariants';
import {
  balancesThrough,
  LedgerTotals,
  periodFigures,
} from '../../../projections/accounting/period-totals';
import { POLICIES } from '../../../projections/accounting/recognition-policies';
import { depositToPickupStory } from '../../support/ledger-story';

function foldAll() {
  const state = initialLedgerState(POLICIES);
  const totals = new LedgerTotals(POLICIES);
  for (const event of depositToPickupStory())
    foldLedgerEvent(state, event, (e: JournalEntry) => totals.add(e));
  return { state, totals };
}

describe('restatement on a policy switch', () => {
  it('restates per period, keeps closed periods as published and carries their difference into the open period', () => {
    const { totals } = foldAll();
    const history = emptyBookHistory();
    history.closes.push({ period: '2026-02', policy: 'at-pickup', at: '2026-03-01T00:00:00Z' });
    const before = periodFigures(publishedTotals(totals.byPolicy, history));
    const restatement = restate(totals.byPolicy, history, 'at-set-aside');
    expect(
      restatement.periods.map((p) => [p.period, p.closed, p.old.revenue, p.new.revenue]),
    ).toEqual([
      ['2026-01', true, 0, 0],
      ['2026-02', true, 0, 1800],
      ['2026-03', false, 1800, 0],
    ]);
    expect(restatement.cumulativeEffect).toEqual({ revenue: 0, cost: 0, deposits: 0 });

    history.policy = 'at-set-aside';
    history.adjustments.push({
      adjustmentId: 'a',
      period: '2026-03',
      kind: 'policy-change',
      reason: 'switch',
      lines: restatement.adjustment,
      at: 'x',
      eventId: 'e-a',
      position: 10,
    });
    const after = periodFigures(publishedTotals(totals.byPolicy, history));
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    // Through the open period the book now adds up to the new policy's ledger.
    expect(balancesThrough(publishedTotals(totals.byPolicy, history), null)).toEqual(
      balancesThrough(totals.byPolicy.get('at-set-aside')!, null),
    );

    // Switching back cancels the earlier effect rather than adding to it.
    const back = restate(totals.byPolicy, history, 'at-pickup');
    history.policy = 'at-pickup';
    history.adjustments.push({
      adjustmentId: 'b',
      period: '2026-03',
      kind: 'policy-change',
      reason: 'back',
      lines: back.adjustment,
      at: 'y',
      eventId: 'e-b',
      position: 11,
    });
    expect(balancesThrough(publishedTotals(totals.byPolicy, history), null)).toEqual(
      balancesThrough(totals.byPolicy.get('at-pickup')!, null),
    );
  });

  it('the ledger invariants hold over the story under every policy', () => {
    const { state, totals } = foldAll();
    expect(checkLedgerInvariants(state, totals).filter((c) => !c.holds)).toEqual([]);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and quotes what needs it', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['=HYPERLINK("http://x")', '+1'],
        ['-2+3', '@SUM(A1)'],
        ['\tx', '\rcmd'],
        [-1500, 'plain, with comma'],
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      'a,b',
      `"'=HYPERLINK(""http://x"")",'+1`,
      "'-2+3,'@SUM(A1)",
      `'\tx,"'\rcmd"`,
      '-1500,"plain, with comma"',
      '',
    ]);
  });
});
