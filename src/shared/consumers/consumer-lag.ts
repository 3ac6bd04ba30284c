import type { Position } from '../eventstore/event-envelope';
import type { EventStore } from '../eventstore/event-store.port';

/** Counting stops here: a consumer this far behind is rebuilding, and the exact figure no longer matters. */
const LAG_COUNT_CAP = 1_000_000;

export interface ConsumerLag {
  /** Events in the log after the consumer's position (at most a million). */
  readonly eventsBehind: number;
  /** Age of the oldest event the consumer has not processed yet; 0 when caught up. */
  readonly msBehind: number;
}

export async function measureLag(
  events: EventStore,
  position: Position | null,
  now: number,
): Promise<ConsumerLag> {
  const from = position ?? 'start';
  const eventsBehind = await events.countAfter(from, LAG_COUNT_CAP);
  let msBehind = 0;
  if (eventsBehind > 0) {
    for await (const next of events.readAll({ from, limit: 1 })) {
      msBehind = Math.max(0, now - Date.parse(next.recordedAt));
    }
  }
  return { eventsBehind, msBehind };
}
