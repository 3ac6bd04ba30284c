import type { RecordedEvent } from './event-envelope';

/**
 * The most recent events, decoded once and shared by every consumer that reads them: a dozen
 * projections and reactors follow the tail of the same log, and decoding each event a dozen
 * times cost more than all their work. Positions in the embedded log are dense, so a ring
 * indexed by position finds them. Events handed out are frozen: consumers share them.
 */
export class RecentEvents {
  private readonly ring: (RecordedEvent | undefined)[];

  constructor(private readonly size = 16_384) {
    this.ring = new Array<RecordedEvent | undefined>(size);
  }

  /** The cached run of events right after `after`, up to `limit` (empty when not cached). */
  after(after: number, limit: number): RecordedEvent[] {
    const found: RecordedEvent[] = [];
    for (let position = after + 1; found.length < limit; position++) {
      const event = this.ring[position % this.size];
      if (!event || event.position.commit !== position) break;
      found.push(event);
    }
    return found;
  }

  remember(events: readonly RecordedEvent[]): void {
    for (const event of events) this.ring[event.position.commit % this.size] = Object.freeze(event);
  }
}
