import type { Position } from '../eventstore/event-envelope';
import type { Money } from './money';

export const ORDER_RECOGNITION = Symbol('OrderRecognition');

/** Revenue recognised (units > 0) or reversed (units < 0) on one line of an order. */
export interface LineRecognition {
  readonly lineId: string;
  readonly units: number;
  /** Net revenue, negative for a reversal. */
  readonly revenue: Money;
  readonly policy: string;
  /** The journal entry that posted it: `<causing event id>:<n>`. */
  readonly entryId: string;
  /** The event that caused it. */
  readonly eventId: string;
  readonly eventType: string;
  readonly who: string;
  readonly at: string;
  readonly recordedAt: string;
  readonly position: Position;
}

/**
 * What the accounting book recognised on an order under its active policy. The book provides it;
 * the order's timeline reads it through this port, so orders need not depend on accounting.
 */
export interface OrderRecognition {
  /** Waits (briefly) until the book has read `seen`, the last event the caller shows. */
  recognitionOf(backorderId: string, seen: Position | null): Promise<readonly LineRecognition[]>;
}
