import type { LineRecognition } from '../../src/shared/domain/order-recognition.port';
import { formatMoney } from '../../src/shared/domain/money';
import { comparePositions } from '../../src/shared/eventstore/event-envelope';
import { type BackorderTimeline, line, type TimelineEntry } from './backorder-timeline.projection';

/** What made the book recognise or reverse revenue, in the words staff use. */
const BECAUSE: Readonly<Record<string, string>> = {
  OrderInvoiced: 'the order was invoiced',
  BackorderLineUnitsSetAside: 'the units were set aside for the customer',
  BackorderLineFulfilled: 'the customer received the goods',
  BackorderLineQuantityChanged: "the line's quantity changed",
  BackorderLineCancelled: 'the line was cancelled',
  InvoiceLineAdjusted: 'the invoice line was adjusted',
};

/**
 * "Revenue of 1800.00 USD recognised for line 1 (Heriz 8x10) under at-pickup", and why: the
 * event that caused it. `line` names a line.
 */
export function describeRecognition(
  recognition: LineRecognition,
  line: (lineId: string) => string,
): { what: string; why: string } {
  const { units, revenue, policy, eventType, eventId } = recognition;
  const done = units > 0 ? 'recognised' : 'reversed';
  const count = Math.abs(units) === 1 ? '1 unit' : `${Math.abs(units)} units`;
  const because = BECAUSE[eventType] ?? eventType;
  return {
    what: `Revenue of ${formatMoney(Math.abs(revenue.amount), revenue.currency)} ${done} for ${line(recognition.lineId)} (${count}) under ${policy}`,
    why: `${because} (${eventType} ${eventId})`,
  };
}

/** The timeline with the book's recognition told after the event that caused each one. */
export function withRecognition(
  timeline: BackorderTimeline,
  recognitions: readonly LineRecognition[],
): BackorderTimeline {
  if (recognitions.length === 0) return timeline;
  const told: TimelineEntry[] = recognitions.map((recognition) => ({
    at: recognition.at,
    recordedAt: recognition.recordedAt,
    who: recognition.who,
    via: null,
    ...describeRecognition(recognition, (lineId) => line(timeline, lineId)),
    eventType: recognition.units > 0 ? 'RevenueRecognised' : 'RevenueReversed',
    // The journal entry: unique on the timeline, and it names the causing event.
    eventId: recognition.entryId,
    position: recognition.position,
  }));
  // A stable sort: each recognition stays after the entry of the event that caused it.
  const entries = [...timeline.entries, ...told].sort((a, b) =>
    comparePositions(a.position, b.position),
  );
  return { ...timeline, entries };
}
