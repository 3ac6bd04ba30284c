import type { BookHistory, Restatement } from './book-view';

export const RESTATEMENT_CSV_HEADER = [
  'period',
  'closed',
  'oldRevenue',
  'newRevenue',
  'oldCost',
  'newCost',
  'oldDeposits',
  'newDeposits',
] as const;

type PolicyChange = BookHistory['changes'][number];

/**
 * A policy change's restatement as spreadsheet rows: one per period, then the cumulative effect
 * and who changed the policy, when and why (their words: the CSV writer neutralises formulas).
 */
export function restatementRows(
  change: PolicyChange,
  restatement: Restatement,
): (readonly unknown[])[] {
  const { revenue, cost, deposits } = restatement.cumulativeEffect;
  return [
    ...restatement.periods.map((row) => [
      row.period,
      row.closed ? 'closed' : 'open',
      row.old.revenue,
      row.new.revenue,
      row.old.cost,
      row.new.cost,
      row.old.deposits,
      row.new.deposits,
    ]),
    ['cumulative effect', '', '', revenue, '', cost, '', deposits],
    ['policy', `${change.from} to ${change.to}`],
    ['effective from', change.effectiveFrom],
    ['justification', change.justification],
    ['changed by', change.actor],
    ['changed at', change.at],
  ];
}
