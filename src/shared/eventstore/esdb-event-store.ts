import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  excludeSystemEvents,
  isSystemStream,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Direction,
  type EventData,
  type JSONType,
  type Position as EsdbPosition,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadRevision,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { assertValidAppend, toJson } from './append-validation';
import {
  comparePositions,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from './event-envelope';
import { WrongExpectedVersionError } from './event-store.errors';
import type {
  EventStore,
  EventSubscription,
  LogHead,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
} from './event-store.port';
import { EsdbSubscription } from './esdb-subscription';
import {
  EsdbEventChain,
  chainHashOf,
  withoutChainHash,
  type ProposedEvent,
} from './esdb-event-chain';
import { GENESIS_HASH, type ChainRow, type HexHash } from './event-chain';

export interface EsdbEventStoreOptions {
  /**
   * For example `esdb://admin:changeit@localhost:2113?tls=false`. Reading $all (readAll, head,
   * countAfter, ping, subscriptions) needs a user allowed to, by default an admin.
   */
  readonly connectionString: string;
}

const DEFAULT_PAGE_SIZE = 1000;
const HEAD_PAGE_SIZE = 100;
const PING_TIMEOUT_MS = 5000;
/** Appends with `any` re-read the stream's head when another writer moved it meanwhile. */
const CHAIN_ATTEMPTS = 10;

/**
 * The EventStoreDB adapter (server 22.6 or later, whose stream reads carry log positions). The client
 * connects lazily, so constructing the store does no I/O; close() disposes the client.
 * System events (types or streams starting with `$`) never leave this adapter: the port's log
 * holds only what was appended through it.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly chain = new EsdbEventChain();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
  }

  append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertValidAppend(stream, events, expectedRevision);
      // Serialise now: the caller may mutate its objects after the call returns, and the client
      // serialises inside a promise executor, where a JSON error would be lost instead of thrown.
      const proposed = events.map((e): ProposedEvent => ({
        id: e.id,
        type: e.type,
        data: snapshot(e.id, 'data', e.data),
        metadata: snapshot(e.id, 'metadata', e.metadata) as Record<string, JSONType>,
      }));
      return this.writeChained(stream, proposed, expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * EventStoreDB has no transaction across streams: the streams are appended one after another.
   * Each event keeps its id, so calling again with the same appends after a failure skips what
   * was written (the server recognises the ids) and writes the rest.
   */
  async appendAll(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    for (const { stream, events, expectedRevision } of appends) {
      assertValidAppend(stream, events, expectedRevision);
    }
    const results: AppendResult[] = [];
    for (const { stream, events, expectedRevision } of appends) {
      results.push(await this.append(stream, events, expectedRevision));
    }
    return results;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    if (limit <= 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: toReadRevision(options.from, backwards),
      maxCount: limit,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const { event } of read) {
        if (event) events.push(toRecordedEvent(event, requirePosition(event)));
      }
    } catch (error) {
      // A missing stream is an empty one; the client reports it as an error, also mid-iteration.
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const pageSize = Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, remaining);
    for await (const event of this.scan(FORWARDS, afterOf(options.from), pageSize)) {
      yield event;
      if (--remaining <= 0) return;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const subscription = new EsdbSubscription(
      {
        // The server delivers events strictly after the position it is given.
        open: (after) =>
          this.client.subscribeToAll({
            fromPosition: after === 'start' ? START : toEsdbPosition(after),
            filter: excludeSystemEvents(),
          }),
        toEvent: ({ event }) =>
          event && !isSystemEvent(event)
            ? toRecordedEvent(event, toPosition(event.position))
            : null,
      },
      afterOf(options.from) ?? 'start',
      Math.max(1, options.maxBatchSize ?? DEFAULT_PAGE_SIZE),
      options.lingerMs ?? 0,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(): Promise<LogHead | null> {
    for await (const event of this.scan(BACKWARDS, null, HEAD_PAGE_SIZE)) {
      return { position: event.position, recordedAt: event.recordedAt };
    }
    return null;
  }

  async countAfter(position: Position | 'start', cap: number): Promise<number> {
    let count = 0;
    if (cap <= 0) return count;
    for await (const _event of this.readAll({ from: position, limit: cap })) count += 1;
    return count;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`EventStoreDB did not answer within ${PING_TIMEOUT_MS} ms`)),
        PING_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([drain(read), timeout]);
    } finally {
      clearTimeout(timer);
      read.destroy();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * Each event's chain hash follows the stream's head, so the append must land right after the
   * head it was computed from: `any` becomes that exact revision, retried if another writer moved
   * the head meanwhile. A retry of events already written is recognised by their first id.
   */
  private async writeChained(
    stream: string,
    proposed: readonly ProposedEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.chainHead(stream, expectedRevision);
      const events = this.chain.link(stream, head, proposed).map((e) => jsonEvent(e));
      const exact =
        expectedRevision === 'any' ? (head ? head.revision : 'no_stream') : expectedRevision;
      try {
        return await this.write(stream, events, exact);
      } catch (error) {
        if (expectedRevision !== 'any' || !(error instanceof WrongExpectedVersionError))
          throw error;
        const earlier = await this.earlierAppend(stream, proposed[0].id, proposed.length);
        if (earlier) return earlier;
        if (attempt === CHAIN_ATTEMPTS) throw error;
      }
    }
  }

  /** The revision and chain hash an append at `expected` follows; null: a new stream. */
  private async chainHead(
    stream: string,
    expected: ExpectedRevision,
  ): Promise<{ revision: number; hash: HexHash } | null> {
    if (expected === 'no_stream') return null;
    const read = this.client.readStream(
      stream,
      typeof expected === 'number'
        ? { fromRevision: BigInt(expected), maxCount: 1 }
        : { direction: BACKWARDS, fromRevision: END, maxCount: 1 },
    );
    try {
      for await (const { event } of read) {
        if (event) {
          const hash = chainHashOf(event.metadata) ?? GENESIS_HASH;
          return { revision: Number(event.revision), hash };
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    // Nothing there: the append itself finds the stream missing or shorter than expected.
    return null;
  }

  /** Where an append whose first event id is already in the stream ended, if it is. */
  private async earlierAppend(
    stream: string,
    firstId: string,
    count: number,
  ): Promise<AppendResult | null> {
    const recent = await this.readStream(stream, { direction: 'backwards', limit: 1000 });
    const first = recent.find((e) => e.id === firstId);
    if (!first) return null;
    const last = recent.find((e) => e.revision === first.revision + count - 1) ?? first;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** The whole log as the auditor's verifier reads it, with each event's stored chain hash. */
  async *readChain(pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<ChainRow[]> {
    let page: ChainRow[] = [];
    const toRow = (event: EsdbRecordedEvent, position: Position) =>
      this.chain.row(position.commit, event.streamId, Number(event.revision), event);
    for await (const row of this.scan(FORWARDS, null, pageSize, toRow)) {
      if (page.push(row) === pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  private async write(
    stream: string,
    events: EventData[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    let result;
    try {
      result = await this.client.appendToStream(stream, events, {
        expectedRevision: toEsdbExpectedRevision(expectedRevision),
      });
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedVersionError(
          stream,
          expectedRevision,
          actual === NO_STREAM ? 'no_stream' : Number(actual),
        );
      }
      throw error;
    }
    return {
      nextExpectedRevision: Number(result.nextExpectedRevision),
      position: result.position
        ? toPosition(result.position)
        : await this.positionOf(stream, result.nextExpectedRevision),
    };
  }

  /**
   * An idempotent retry may be answered without a position (older servers send none for it):
   * the original append's position is that of its last event, which the retry's revision names.
   */
  private async positionOf(stream: string, revision: bigint): Promise<Position> {
    const read = this.client.readStream(stream, {
      direction: BACKWARDS,
      fromRevision: revision,
      maxCount: 1,
    });
    for await (const { event } of read) {
      if (event) return requirePosition(event);
    }
    throw new Error(`event ${revision} of ${stream} is missing right after it was appended`);
  }

  /**
   * The user events of $all strictly past `from` (null: from the edge) in one direction, read a
   * page per round trip. The server's fromPosition is inclusive, so a page that starts at an
   * event asks for one more and skips what was already seen.
   */
  private async *scan<T = RecordedEvent>(
    direction: Direction,
    from: Position | null,
    pageSize: number,
    toItem: (event: EsdbRecordedEvent, position: Position) => T = toRecordedEvent as never,
  ): AsyncGenerator<T> {
    const forwards = direction === FORWARDS;
    let cursor = from;
    for (;;) {
      this.assertOpen();
      const maxCount = cursor ? pageSize + 1 : pageSize;
      const page = await this.readPage({
        direction,
        fromPosition: cursor ? toEsdbPosition(cursor) : forwards ? START : END,
        maxCount,
      });
      let advanced = false;
      for (const { event } of page) {
        if (!event) continue;
        const position = toPosition(event.position);
        if (cursor && comparePositions(position, cursor) * (forwards ? 1 : -1) <= 0) continue;
        cursor = position;
        advanced = true;
        if (!isSystemEvent(event)) yield toItem(event, position);
      }
      if (page.length < maxCount || !advanced) return;
    }
  }

  /** One bounded page, read whole: no gRPC call stays open while the consumer works. */
  private readPage(options: EsdbReadAllOptions): Promise<AllStreamResolvedEvent[]> {
    return drain(this.client.readAll(options));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}

async function drain<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

function snapshot(eventId: string, part: string, value: unknown): JSONType {
  return JSON.parse(toJson(eventId, part, value));
}

function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

function toReadRevision(from: ReadStreamOptions['from'], backwards: boolean): ReadRevision {
  if (typeof from === 'number') return BigInt(from);
  if (from === 'start') return START;
  if (from === 'end') return END;
  return backwards ? END : START;
}

/** The position to read strictly after; null for the start of the log. */
function afterOf(from: Position | 'start' | undefined): Position | null {
  return from === undefined || from === 'start' || from.commit < 0 ? null : from;
}

/** Log positions are byte offsets: as numbers they stay exact below 2^53 (9 PB of log). */
function toPosition(position: EsdbPosition): Position {
  return { commit: Number(position.commit), prepare: Number(position.prepare) };
}

function toEsdbPosition(position: Position): EsdbPosition {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
}

function requirePosition(event: EsdbRecordedEvent): Position {
  if (!event.position) {
    throw new Error(`EventStoreDB sent event ${event.id} without its log position (server < 22.6)`);
  }
  return toPosition(event.position);
}

function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$') || isSystemStream(event.streamId);
}

function toRecordedEvent(event: EsdbRecordedEvent, position: Position): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    // This adapter writes metadata as a JSON object, which the client parses back.
    metadata: withoutChainHash(event.metadata),
    stream: event.streamId,
    revision: Number(event.revision),
    position,
    recordedAt: event.created.toISOString(),
  };
}
