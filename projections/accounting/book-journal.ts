import { type BookHistory, closedUnder } from './book-view';
import { EntryLines, type JournalEntry } from './journal-entry';

/**
 * The book's journal as published: each period's entries under the policy it was closed under
 * (open periods under the active one), and the adjustments posted in the open periods, in log
 * order. It adds up to the book's trial balance.
 */
export function bookJournal(
  entries: readonly JournalEntry[],
  history: BookHistory,
): readonly JournalEntry[] {
  const posted = entries.filter(
    (entry) => entry.policy === (closedUnder(history, entry.period) ?? history.policy),
  );
  if (history.adjustments.length === 0) return posted;
  const adjustments = history.adjustments.map((adjustment): JournalEntry => {
    const ids = [adjustment.eventId];
    const lines = new EntryLines();
    for (const line of adjustment.lines)
      lines.debit(line.account, line.debit, ids).credit(line.account, line.credit, ids);
    return {
      entryId: `${adjustment.eventId}:0`,
      policy: closedUnder(history, adjustment.period) ?? history.policy,
      period: adjustment.period,
      occurredAt: adjustment.at,
      recordedAt: adjustment.at,
      position: adjustment.position,
      description: `adjustment (${adjustment.kind}): ${adjustment.reason}`,
      backorderId: null,
      recognition: null,
      lines: lines.lines,
    };
  });
  return [...posted, ...adjustments].sort((a, b) => a.position - b.position);
}
