import type { Position } from '../eventstore/event-envelope';

export interface CachedState {
  /** The decider the state was folded with: a stream is only ever read by one. */
  readonly owner: object;
  readonly state: unknown;
  readonly revision: number;
  readonly position: Position;
}

/**
 * Folded aggregate states by stream, most recently used kept. A hit still reads the stream from
 * the cached revision on, so writes by other processes are never missed; it only spares folding
 * a long stream (a daily PO collecting thousands of lines) again for every command.
 */
export class AggregateStateCache {
  private readonly entries = new Map<string, CachedState>();

  constructor(private readonly capacity = 10_000) {}

  get(stream: string, owner: object): CachedState | undefined {
    const entry = this.entries.get(stream);
    if (!entry || entry.owner !== owner) return undefined;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry;
  }

  set(stream: string, entry: CachedState): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
