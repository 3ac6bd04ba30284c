import type { EsdbEventStore } from '../shared/eventstore/esdb-event-store';
import type { ChainRow } from '../shared/eventstore/event-chain';
import type { LogDigest } from '../shared/eventstore/log-digest';
import type { ChainSource } from './chain-source';

/**
 * EventStoreDB's log for verification: each event's chain hash comes from its metadata. Its
 * positions are byte offsets (never dense) and it keeps no signed digests: chains only.
 */
export class EsdbChainSource implements ChainSource {
  readonly densePositions = false;

  constructor(private readonly store: EsdbEventStore) {}

  /** Unknown without reading the log: progress shows what was verified, without a total. */
  async count(): Promise<number> {
    return 0;
  }

  async digests(): Promise<LogDigest[]> {
    return [];
  }

  pages(pageSize: number): AsyncIterable<readonly ChainRow[]> {
    return this.store.readChain(pageSize);
  }

  /** The store is its opener's to close: this source only reads through it. */
  async close(): Promise<void> {}
}
