import type { JournalEntry } from '../../projections/accounting/journal-entry';
import { type LedgerEvent, LEDGER_EVENT_TYPES } from '../../projections/accounting/ledger-events';
import {
  foldLedgerEvent,
  initialLedgerState,
  type LedgerState,
} from '../../projections/accounting/ledger-fold';
import { LedgerTotals } from '../../projections/accounting/period-totals';
import type { Policy } from '../../projections/accounting/recognition-policies';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import type { EventStore } from '../shared/eventstore/event-store.port';
import { rawLogPagesOnThread } from '../shared/eventstore/raw-log-reader-thread';
import { SqliteRawLog } from '../shared/eventstore/sqlite-raw-log';

export interface ReplayProgress {
  /** Ledger events folded so far. */
  readonly events: number;
  /** How far through the log the replay is, and where the log ends (0 when not known). */
  readonly position: number;
  readonly lastPosition: number;
}

export interface ReplayOptions {
  readonly policies: readonly Policy[];
  /** Replay only what had been recorded at this instant. */
  readonly asOf?: string | null;
  readonly onProgress?: (progress: ReplayProgress) => void;
  /** Also hand every journal entry to this sink (reports, audits); totals are always kept. */
  readonly onEntry?: (entry: JournalEntry) => void;
  /** Read the embedded log on a thread of its own (measured in the bench; off by default). */
  readonly readerThread?: boolean;
}

export interface ReplayResult {
  readonly policies: readonly Policy[];
  readonly asOf: string | null;
  /** Ledger events folded (the log's other events are filtered out before decoding). */
  readonly events: number;
  readonly lastPosition: number;
  readonly totals: LedgerTotals;
  /** The fold's end state: what the invariants are checked against. */
  readonly state: LedgerState;
  readonly ms: number;
}

/** Where a replay reads from: the embedded log's file (fast path) or any event store. */
export type ReplaySource =
  | { readonly kind: 'sqlite-file'; readonly file: string }
  | { readonly kind: 'event-store'; readonly store: EventStore };

const PROGRESS_EVERY = 50_000;

/**
 * Folds the ledger from the raw log, all requested policies in one pass, in memory, and returns
 * the book's totals. On the embedded store it reads big pages of raw rows filtered by event type in
 * SQL and decodes only those; elsewhere it reads the log through the port.
 */
export async function replayLedger(
  source: ReplaySource,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const started = performance.now();
  const state = initialLedgerState(options.policies);
  const totals = new LedgerTotals(options.policies);
  const sink = options.onEntry;
  const post = sink
    ? (entry: JournalEntry) => {
        totals.add(entry);
        sink(entry);
      }
    : totals.add;
  const asOf = options.asOf ?? null;
  let events = 0;
  let position = 0;
  const report = (lastPosition: number) => options.onProgress?.({ events, position, lastPosition });

  if (source.kind === 'sqlite-file') {
    const query = { types: LEDGER_EVENT_TYPES, recordedAtOrBefore: asOf };
    const log = new SqliteRawLog(source.file);
    try {
      const last = log.lastPosition();
      report(last);
      const pages =
        options.readerThread === true ? rawLogPagesOnThread(source.file, query) : log.rows(query);
      for await (const page of pages) {
        for (const [position, id, type, data, occurredAt, recordedAt] of page) {
          const event: LedgerEvent = {
            id,
            type,
            data: JSON.parse(data),
            position,
            occurredAt,
            recordedAt,
          };
          foldLedgerEvent(state, event, post);
        }
        events += page.length;
        position = page[page.length - 1][0];
        report(last);
        // Let timers (a progress bar, an HTTP poll) run between pages.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      log.close();
    }
  } else {
    const wanted = new Set<string>(LEDGER_EVENT_TYPES);
    for await (const recorded of source.store.readAll({ pageSize: 5000 })) {
      if (!wanted.has(recorded.type) || (asOf !== null && recorded.recordedAt > asOf)) continue;
      foldLedgerEvent(state, toLedgerEvent(recorded), post);
      events += 1;
      position = recorded.position.commit;
      if (events % PROGRESS_EVERY === 0) report(0);
    }
    report(position);
  }
  return {
    policies: options.policies,
    asOf,
    events,
    lastPosition: state.position,
    totals,
    state,
    ms: performance.now() - started,
  };
}

export function toLedgerEvent(recorded: RecordedEvent): LedgerEvent {
  return {
    id: recorded.id,
    type: recorded.type,
    data: recorded.data,
    position: recorded.position.commit,
    occurredAt: recorded.metadata.occurredAt,
    recordedAt: recorded.recordedAt,
  };
}
