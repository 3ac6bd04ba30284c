import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { keptSecret } from '../config/kept-secret';
import { assertValidAppend, toJson } from './append-validation';
import type {
  AppendResult,
  ExpectedRevision,
  NewEvent,
  Position,
  RecordedEvent,
} from './event-envelope';
import { EventIdConflictError, WrongExpectedVersionError } from './event-store.errors';
import { GENESIS_HASH } from './event-chain';
import type { LogDigest } from './log-digest';
import { SqliteChainKeeper } from './sqlite-chain-keeper';
import type {
  EventStore,
  EventSubscription,
  LogHead,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
} from './event-store.port';
import { RecentEvents } from './recent-events';
import { SqliteLogWatcher } from './sqlite-log-watcher';
import { StreamHeads } from './stream-heads';

export interface SqliteEventStoreOptions {
  /** The database file; created with its folder when missing. */
  readonly file: string;
  /** How often live subscriptions look for appends made by other processes. */
  readonly pollIntervalMs?: number;
  /** Tamper evidence: see SqliteChainKeeper. */
  readonly audit?: SqliteAuditOptions;
}

export interface SqliteAuditOptions {
  /** Signs the log's digests; when unset, a random key kept beside the file (audit-signing-key). */
  readonly signingKey?: string | null;
  /** A signed digest each time the log reaches a multiple of this many events; default 1,000. */
  readonly digestEvery?: number;
}

interface StreamRows {
  readonly stream: string;
  readonly expectedRevision: ExpectedRevision;
  readonly ids: readonly string[];
  readonly rows: readonly EventColumns[];
}

/** One caller's append: one stream, or several that succeed or fail together. */
interface PendingAppend {
  readonly parts: readonly StreamRows[];
  readonly resolve: (results: AppendResult[]) => void;
  readonly reject: (error: unknown) => void;
}

/** What an event writes besides stream, revision and recorded time, in column order. */
type EventColumns = readonly [
  id: string,
  type: string,
  data: string,
  actor: string,
  correlationId: string,
  causationId: string,
  occurredAt: string,
  schemaVersion: number,
  extraMetadata: string | null,
];

type EventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  actor: string,
  correlationId: string,
  causationId: string,
  occurredAt: string,
  schemaVersion: number,
  extraMetadata: string | null,
  recordedAt: string,
];

const STANDARD_METADATA = new Set([
  'actor',
  'correlationId',
  'causationId',
  'occurredAt',
  'schemaVersion',
]);

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    event_id    TEXT    NOT NULL UNIQUE,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    correlation_id TEXT    NOT NULL,
    causation_id   TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    -- Metadata beyond the standard fields, as JSON; NULL for most events.
    metadata_extra TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
`;
const COLUMNS = `position, event_id, stream, revision, type, data, actor, correlation_id,
  causation_id, occurred_at, schema_version, metadata_extra, recorded_at`;

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, so an append is
 * acknowledged only once it is on disk. Appends that arrive in the same tick share one
 * transaction and one fsync (group commit); each keeps its own savepoint, so one caller's
 * conflict never fails another's write. SQLite serialises writers, also across processes, so
 * positions become visible strictly in order.
 */
export class SqliteEventStore implements EventStore {
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly watcher: SqliteLogWatcher;
  private readonly statements;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly recent = new RecentEvents();
  private readonly appendListeners: (() => void)[] = [];
  private readonly heads: StreamHeads;
  private readonly chain: SqliteChainKeeper;
  /** Outcomes of appends that were retries: they wrote nothing. */
  private readonly retries = new WeakSet<AppendResult>();

  constructor(options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.writer = new Database(options.file);
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma('synchronous = FULL');
    this.writer.pragma('busy_timeout = 10000');
    this.writer.exec(SCHEMA);
    this.chain = new SqliteChainKeeper(this.writer, {
      signingKey: () => auditSigningKey(options.file, options.audit?.signingKey ?? null),
      digestEvery: options.audit?.digestEvery ?? 1000,
    });
    this.reader = new Database(options.file, { readonly: true });
    this.reader.pragma('busy_timeout = 10000');
    this.watcher = new SqliteLogWatcher(this.reader, options.pollIntervalMs ?? 25);
    this.heads = new StreamHeads(this.writer);

    const w = this.writer;
    const r = this.reader;
    this.statements = {
      begin: w.prepare('BEGIN IMMEDIATE'),
      commit: w.prepare('COMMIT'),
      rollback: w.prepare('ROLLBACK'),
      savepoint: w.prepare('SAVEPOINT append'),
      release: w.prepare('RELEASE append'),
      rollbackToSavepoint: w.prepare('ROLLBACK TO append'),
      insert: w.prepare(
        `INSERT INTO events (event_id, type, data, actor, correlation_id, causation_id,
           occurred_at, schema_version, metadata_extra, stream, revision, recorded_at, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byEventId: w.prepare<[string], { stream: string; revision: number; position: number }>(
        'SELECT stream, revision, position FROM events WHERE event_id = ?',
      ),
      readForwards: r
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ?
           ORDER BY revision LIMIT ?`,
        )
        .raw(),
      readBackwards: r
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ?
           ORDER BY revision DESC LIMIT ?`,
        )
        .raw(),
      readPage: r
        .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
        .raw(),
      head: r.prepare<[], { position: number; recorded_at: string }>(
        'SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1',
      ),
      ping: r.prepare('SELECT 1').pluck(),
    };
  }

  append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.enqueue([{ stream, events, expectedRevision }]).then((results) => results[0]);
  }

  appendAll(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return Promise.resolve([]);
    return this.enqueue(appends);
  }

  /** Queues an append for the next group commit; every part shares the caller's savepoint. */
  private enqueue(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    try {
      this.assertOpen();
      // Serialise now: the caller may mutate its objects after the call returns.
      const parts = appends.map(({ stream, events, expectedRevision }): StreamRows => {
        assertValidAppend(stream, events, expectedRevision);
        const rows = events.map(toColumns);
        return { stream, expectedRevision, ids: rows.map((r) => r[0]), rows };
      });
      return new Promise<AppendResult[]>((resolve, reject) => {
        this.queue.push({ parts, resolve, reject });
        if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(this.flush);
        }
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const backwards = options.direction === 'backwards';
    // 'start' is revision 0 and 'end' past the last revision, whichever way the read goes.
    const from =
      typeof options.from === 'number'
        ? options.from
        : (options.from ?? (backwards ? 'end' : 'start')) === 'start'
          ? 0
          : Number.MAX_SAFE_INTEGER;
    if (backwards) {
      return (this.statements.readBackwards.all(stream, from, limit) as EventRow[]).map(
        toRecordedEvent,
      );
    }
    const head = this.heads.get(stream);
    if (head !== undefined && from > head) return [];
    const events = (this.statements.readForwards.all(stream, from, limit) as EventRow[]).map(
      toRecordedEvent,
    );
    // Read to its end: the stream's head is known until this process or another writes to it.
    if (events.length < limit && (events.length > 0 || from === 0)) {
      this.heads.set(stream, events.length > 0 ? events[events.length - 1].revision : -1);
    }
    return events;
  }

  /**
   * A plain iterator over pages rather than an async generator: a generator's per-event
   * bookkeeping costs more than decoding the event's envelope.
   */
  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.from === undefined || options.from === 'start' ? -1 : options.from.commit;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    const pageSize = options.pageSize ?? 1000;
    let page: RecordedEvent[] = [];
    let index = 0;
    const done: IteratorResult<RecordedEvent> = { value: undefined, done: true };
    const next = (): IteratorResult<RecordedEvent> => {
      if (index === page.length) {
        if (remaining <= 0) return done;
        this.assertOpen();
        page = this.readPage(after, Math.min(pageSize, remaining));
        index = 0;
        if (page.length === 0) return done;
        after = page[page.length - 1].position.commit;
        remaining -= page.length;
      }
      return { value: page[index++], done: false };
    };
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => next(),
      }),
    };
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const from = options.from === undefined || options.from === 'start' ? -1 : options.from.commit;
    return new SqliteSubscription(
      this,
      this.watcher,
      from,
      options.maxBatchSize ?? 1000,
      options.lingerMs ?? 0,
    );
  }

  async head(): Promise<LogHead | null> {
    this.assertOpen();
    const row = this.statements.head.get();
    return row ? { position: at(row.position), recordedAt: row.recorded_at } : null;
  }

  async countAfter(position: Position | 'start', cap: number): Promise<number> {
    const head = await this.head();
    if (!head) return 0;
    // Positions are dense here: rowids are never deleted and a rolled-back rowid is reused.
    const after = position === 'start' ? 0 : position.commit;
    return Math.max(0, Math.min(cap, head.position.commit - after));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.queue.length > 0) this.flush();
    this.closed = true;
    this.watcher.close();
    this.reader.close();
    this.writer.close();
  }

  /** Tells a listener each time appends became durable: another thread's subscriptions can wake. */
  onAppended(listener: () => void): void {
    this.appendListeners.push(listener);
  }

  /** Wakes live subscriptions at once, when another thread of this process says the log grew. */
  wakeSubscriptions(): void {
    this.watcher.notifyAppended();
  }

  /** @internal used by subscriptions */
  readPage(after: number, limit: number): RecordedEvent[] {
    const cached = this.recent.after(after, limit);
    if (cached.length === limit) return cached;
    const from = cached.length > 0 ? cached[cached.length - 1].position.commit : after;
    const read = (this.statements.readPage.all(from, limit - cached.length) as EventRow[]).map(
      toRecordedEvent,
    );
    this.recent.remember(read);
    return cached.length > 0 ? [...cached, ...read] : read;
  }

  /** Signs a digest of the log up to its head now; null when the head is already signed. */
  async sealHead(): Promise<LogDigest | null> {
    this.assertOpen();
    return this.chain.sealHead();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: (AppendResult[] | Error)[] = [];
    try {
      this.writeBatch(batch, new Date().toISOString(), outcomes);
    } catch (error) {
      // The transaction failed as a whole (disk full, lock timeout): nothing was made durable.
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.watcher.notifyAppended();
    for (const listener of this.appendListeners) listener();
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) pending.reject(outcome);
      else {
        pending.parts.forEach((part, j) => {
          // A retry answers with the original revision, which may be behind the stream's head.
          if (!this.retries.has(outcome[j]))
            this.heads.set(part.stream, outcome[j].nextExpectedRevision);
        });
        pending.resolve(outcome);
      }
    });
  };

  private writeBatch(
    batch: readonly PendingAppend[],
    recordedAt: string,
    outcomes: (AppendResult[] | Error)[],
  ): void {
    const s = this.statements;
    const written = this.chain.written;
    s.begin.run();
    let head = 0;
    try {
      written.beginTransaction();
      for (const pending of batch) {
        s.savepoint.run();
        try {
          const results = pending.parts.map((part) => this.writeOne(part, recordedAt));
          for (const result of results) head = Math.max(head, result.position.commit);
          outcomes.push(results);
          s.release.run();
          written.releaseSavepoint();
        } catch (error) {
          s.rollbackToSavepoint.run();
          s.release.run();
          written.rollBackSavepoint();
          if (!(
            error instanceof WrongExpectedVersionError || error instanceof EventIdConflictError
          )) {
            throw error;
          }
          outcomes.push(error);
        }
      }
      this.chain.sealReachedBoundaries(head);
      s.commit.run();
    } catch (error) {
      if (this.writer.inTransaction) s.rollback.run();
      written.forget();
      throw error;
    }
  }

  private writeOne(part: StreamRows, recordedAt: string): AppendResult {
    const s = this.statements;
    const { stream, expectedRevision, ids, rows } = part;
    const retried = this.originalResultOfRetry(stream, ids);
    if (retried) {
      this.retries.add(retried);
      return retried;
    }

    const lastOfStream = this.chain.lastOfStream(stream);
    const last = lastOfStream?.revision;
    const actual = last ?? 'no_stream';
    const matches =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' ? last === undefined : expectedRevision === last);
    if (!matches) throw new WrongExpectedVersionError(stream, expectedRevision, actual);

    let revision = last ?? -1;
    let previous = lastOfStream?.hash ?? GENESIS_HASH;
    let position = 0;
    for (const columns of rows) {
      revision += 1;
      const [id, type, data, actor, correlationId, causationId, occurredAt] = columns;
      // prettier-ignore
      previous = this.chain.hasher.hash({ stream, revision, id, type, data, actor, correlationId,
        causationId, occurredAt, schemaVersion: columns[7], extraMetadata: columns[8] }, previous);
      try {
        position = Number(
          s.insert.run(...columns, stream, revision, recordedAt, Buffer.from(previous, 'hex'))
            .lastInsertRowid,
        );
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new EventIdConflictError(stream, columns[0]);
        }
        throw error;
      }
      this.chain.written.written(stream, revision, position, previous);
    }
    return { nextExpectedRevision: revision, position: at(position) };
  }

  /** When the first id is already stored, this append is a retry: answer as the first time. */
  private originalResultOfRetry(stream: string, ids: readonly string[]): AppendResult | null {
    const first = this.statements.byEventId.get(ids[0]);
    if (!first) return null;
    let previous = first;
    for (let i = 1; i < ids.length; i++) {
      const row = this.statements.byEventId.get(ids[i]);
      if (!row || row.stream !== stream || row.revision !== previous.revision + 1) {
        throw new EventIdConflictError(stream, ids[i]);
      }
      previous = row;
    }
    if (first.stream !== stream) throw new EventIdConflictError(stream, ids[0]);
    return { nextExpectedRevision: previous.revision, position: at(previous.position) };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}

class SqliteSubscription implements EventSubscription {
  private closed = false;

  constructor(
    private readonly store: SqliteEventStore,
    private readonly watcher: SqliteLogWatcher,
    private after: number,
    private readonly maxBatchSize: number,
    private readonly lingerMs: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<readonly RecordedEvent[]> {
    while (!this.closed && !this.store.isClosed) {
      const batch = this.store.readPage(this.after, this.maxBatchSize);
      if (batch.length > 0) {
        this.after = batch[batch.length - 1].position.commit;
        yield batch;
      } else {
        await this.watcher.nextChange(() => this.closed);
        if (this.lingerMs > 0 && !this.closed)
          await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watcher.wakeAll();
  }
}

/** The key that signs a log's digests: the configured one, or one kept beside the log's file. */
export function auditSigningKey(file: string, configured: string | null): string {
  return keptSecret(configured, dirname(file), 'audit-signing-key');
}

function at(position: number): Position {
  return { commit: position, prepare: position };
}

/** Serialises an event now: the caller may change its objects once append returns. */
function toColumns(event: NewEvent): EventColumns {
  const { actor, correlationId, causationId, occurredAt, schemaVersion } = event.metadata;
  const extra = Object.keys(event.metadata).filter((key) => !STANDARD_METADATA.has(key));
  return [
    event.id,
    event.type,
    toJson(event.id, 'data', event.data),
    actor,
    correlationId,
    causationId,
    occurredAt,
    schemaVersion,
    extra.length > 0
      ? toJson(
          event.id,
          'metadata',
          Object.fromEntries(extra.map((key) => [key, event.metadata[key]])),
        )
      : null,
  ];
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  // prettier-ignore
  const [position, id, stream, revision, type, json, actor, correlationId, causationId,
    occurredAt, schemaVersion, extra, recordedAt] = row;
  const metadata = { actor, correlationId, causationId, occurredAt, schemaVersion };
  return {
    id,
    type,
    data: JSON.parse(json),
    metadata: extra === null ? metadata : { ...metadata, ...JSON.parse(extra) },
    stream,
    revision,
    position: at(position),
    recordedAt,
  };
}
