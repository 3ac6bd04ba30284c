import { SALES_REVENUE } from '../../projections/accounting/chart-of-accounts';
import type { JournalEntry } from '../../projections/accounting/journal-entry';
import type { Policy } from '../../projections/accounting/recognition-policies';
import type { LineRecognition } from '../shared/domain/order-recognition.port';
import type { EntryCause } from './ledger-read-model';

/**
 * Every recognition and reversal the live book posted, by order, under every policy: the
 * order's timeline shows the active policy's, so a switch changes what it shows at once.
 */
export class RecognitionIndex {
  private readonly byOrder = new Map<string, LineRecognition[]>();

  /** The ledger counts minor units of the store's currency. */
  constructor(private readonly currency: string) {}

  /** Keeps the entry if it recognises or reverses a line; `cause` is the event that posted it. */
  add(entry: JournalEntry, cause: EntryCause): void {
    if (entry.recognition === null || entry.backorderId === null) return;
    let revenue = 0;
    for (const line of entry.lines)
      if (line.account === SALES_REVENUE) revenue += line.credit - line.debit;
    const recognitions = this.byOrder.get(entry.backorderId) ?? [];
    recognitions.push({
      lineId: entry.recognition.lineId,
      units: entry.recognition.units,
      revenue: { amount: revenue, currency: this.currency },
      policy: entry.policy,
      entryId: entry.entryId,
      eventId: cause.eventId,
      eventType: cause.type,
      who: cause.actor,
      at: entry.occurredAt,
      recordedAt: entry.recordedAt,
      position: cause.position,
    });
    this.byOrder.set(entry.backorderId, recognitions);
  }

  of(backorderId: string, policy: Policy): LineRecognition[] {
    return (this.byOrder.get(backorderId) ?? []).filter((r) => r.policy === policy);
  }
}
