import type { BookEvent } from './book.events';
import type { JournalEntry } from '../../projections/accounting/journal-entry';
import {
  decodeLedgerState,
  encodeLedgerState,
} from '../../projections/accounting/ledger-state-codec';
import type { LedgerState } from '../../projections/accounting/ledger-fold';
import type { LedgerTotals } from '../../projections/accounting/period-totals';
import type { Position } from '../shared/eventstore/event-envelope';
import type {
  Document,
  DocumentWrite,
  ReadModelStore,
} from '../shared/readmodels/read-model-store.port';

/** Bump when the fold posts differently: the book is then rebuilt into new collections. */
const VERSION = 1;
export const LEDGER_CONSUMER = `accounting_ledger_v${VERSION}`;
const ENTRIES = `ledger_entries_v${VERSION}`;
const TOTALS = `ledger_period_totals_v${VERSION}`;
const FOLD = `ledger_fold_v${VERSION}`;
const FOLD_ID = 'main';
const PAGE = 1000;

/** Who recorded the event that caused an entry, and its type: what the order timeline tells. */
export interface EntryCause {
  readonly eventId: string;
  readonly type: string;
  readonly actor: string;
  readonly position: Position;
}

export interface PostedEntry {
  readonly entry: JournalEntry;
  readonly cause: EntryCause;
  /** Its place in the journal (0, 1, ...): the order entries are read back in. */
  readonly sequence: number;
}

/** A book event with who recorded it, when, and where in the log. */
export interface RecordedBookEvent {
  readonly event: BookEvent;
  readonly recorded: {
    readonly actor: string;
    readonly at: string;
    readonly eventId: string;
    readonly position: number;
  };
}

/** What a restart resumes from: the fold, its entries and book events up to the checkpoint. */
export interface StoredLedger {
  readonly checkpoint: Position;
  readonly state: LedgerState;
  readonly entries: readonly PostedEntry[];
  readonly bookEvents: readonly RecordedBookEvent[];
}

/**
 * The live book in the read store, through the port (SQLite here, MongoDB alike): journal
 * entries and per-period totals to read, and the fold's state with its checkpoint to resume from.
 * Entries are keyed by policy and entry id, so a redelivered event rewrites the same documents.
 */
export class LedgerReadModel {
  constructor(private readonly store: ReadModelStore) {}

  async ensure(): Promise<void> {
    await this.store.ensureCollection({
      name: ENTRIES,
      indexes: [
        { field: 'policy' },
        { field: 'period' },
        { field: 'position' },
        { field: 'sequence' },
        { field: 'backorderId' },
      ],
    });
    await this.store.ensureCollection({
      name: TOTALS,
      indexes: [{ field: 'policy' }, { field: 'period' }],
    });
    await this.store.ensureCollection({ name: FOLD });
  }

  /** The book as last saved, or null when it was never saved (fold the log from the start). */
  async load(): Promise<StoredLedger | null> {
    const checkpoint = await this.store.getCheckpoint(LEDGER_CONSUMER);
    const fold = await this.store.findById<{
      state: Record<string, unknown>;
      bookEvents: RecordedBookEvent[];
    }>(FOLD, FOLD_ID);
    if (!checkpoint || !fold) return null;
    const state = decodeLedgerState(fold.state);
    const entries: PostedEntry[] = [];
    let cursor: string | null = null;
    do {
      // Entries past the fold's position may have been saved before a crash: they come again.
      const page: { items: StoredEntry[]; nextCursor: string | null } = await this.store.find<
        StoredEntry & Document
      >(ENTRIES, {
        where: { position: { lte: state.position } },
        sort: [['sequence', 'asc']],
        limit: PAGE,
        cursor,
      });
      for (const { cause, sequence, ...entry } of page.items)
        entries.push({ entry: withoutStoreFields(entry), cause, sequence });
      cursor = page.nextCursor;
    } while (cursor);
    return { checkpoint, state, entries, bookEvents: fold.bookEvents };
  }

  /** Saves what was posted since the last save, the touched periods' totals, the fold, the checkpoint. */
  async save(
    posted: readonly PostedEntry[],
    totals: LedgerTotals,
    state: LedgerState,
    bookEvents: readonly RecordedBookEvent[],
    checkpoint: Position,
  ): Promise<void> {
    const writes: DocumentWrite[] = posted.map(({ entry, cause, sequence }) => ({
      collection: ENTRIES,
      id: `${entry.policy}:${entry.entryId}`,
      document: { ...entry, cause, sequence } as unknown as Document,
      position: cause.position,
    }));
    const touched = new Set(posted.map(({ entry }) => `${entry.policy}\u0000${entry.period}`));
    for (const key of touched) {
      const [policy, period] = key.split('\u0000');
      const accounts = totals.byPolicy.get(policy as JournalEntry['policy'])?.get(period);
      writes.push({
        collection: TOTALS,
        id: `${policy}:${period}`,
        document: { policy, period, accounts: Object.fromEntries(accounts ?? []) },
        position: checkpoint,
      });
    }
    // The fold last: a crash before it leaves the older fold and checkpoint, which redeliver.
    writes.push({
      collection: FOLD,
      id: FOLD_ID,
      document: { state: encodeLedgerState(state), bookEvents: [...bookEvents] },
      position: checkpoint,
    });
    await this.store.applyBatch(LEDGER_CONSUMER, writes, checkpoint);
  }
}

type StoredEntry = JournalEntry & { cause: EntryCause; sequence: number };

/** The store may add its own bookkeeping fields to a document; an entry is what the fold posted. */
function withoutStoreFields(entry: JournalEntry): JournalEntry {
  const { entryId, policy, period, occurredAt, recordedAt, position } = entry;
  const { description, backorderId, recognition, lines } = entry;
  return {
    entryId,
    policy,
    period,
    occurredAt,
    recordedAt,
    position,
    description,
    backorderId,
    recognition,
    lines,
  };
}
