import { existsSync } from 'node:fs';
import type { AppConfig } from '../shared/config/app-config';
import { EsdbEventStore } from '../shared/eventstore/esdb-event-store';
import { auditSigningKey } from '../shared/eventstore/sqlite-event-store';
import type { VerificationReport } from './log-verifier';
import { EsdbChainSource } from './esdb-chain-source';
import { verifySqliteLogInParallel } from './parallel-verification';
import { verifyLog } from './verify-log';

/**
 * Verifies the log the configuration names, read the fastest way its adapter allows: the SQLite
 * file raw, by worker threads on connections of their own; EventStoreDB through its own client.
 */
export async function verifyConfiguredLog(
  config: Pick<AppConfig, 'eventStore'>,
  onProgress?: (verified: number, total: number) => void,
  options: {
    /** Smaller pages keep a server's event loop answering between them. */
    readonly pageSize?: number;
    /** Worker threads for a large embedded log (default 1: the machine's other work goes on). */
    readonly threads?: number;
  } = {},
): Promise<VerificationReport> {
  const { pageSize, threads = 1 } = options;
  const events = config.eventStore;
  const digestEvery = events.audit?.digestEvery ?? 1000;
  if (events.kind === 'sqlite') {
    // Opening a missing file would verify an empty log and pass it.
    if (!existsSync(events.file)) throw new Error(`no event log at ${events.file} (set DATA_DIR)`);
    const signingKey = auditSigningKey(events.file, events.audit?.signingKey ?? null);
    return verifySqliteLogInParallel(events.file, {
      signingKey,
      digestEvery,
      onProgress,
      pageSize,
      threads,
    });
  }
  const store = new EsdbEventStore({ connectionString: events.connectionString });
  try {
    return await verifyLog(new EsdbChainSource(store), {
      signingKey: null,
      digestEvery: null,
      onProgress,
      pageSize,
    });
  } finally {
    await store.close();
  }
}

export function logLocation(config: Pick<AppConfig, 'eventStore'>): string {
  return config.eventStore.kind === 'sqlite' ? config.eventStore.file : 'the EventStoreDB server';
}
