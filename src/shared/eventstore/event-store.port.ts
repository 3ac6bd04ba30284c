import type {
  AppendResult,
  ExpectedRevision,
  NewEvent,
  Position,
  RecordedEvent,
} from './event-envelope';

export const EVENT_STORE = Symbol('EventStore');

export interface ReadStreamOptions {
  /** First revision to read (inclusive); default: the start (forwards) or the end (backwards). */
  readonly from?: number | 'start' | 'end';
  readonly direction?: 'forwards' | 'backwards';
  readonly limit?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; default: from the beginning. */
  readonly from?: Position | 'start';
  readonly limit?: number;
  /** Events fetched per round trip; the log is never loaded whole. */
  readonly pageSize?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint); default: from the beginning. */
  readonly from?: Position | 'start';
  /** Upper bound on the events in one delivered batch. */
  readonly maxBatchSize?: number;
  /**
   * Once caught up, how long to wait after new events appear before delivering them, so that
   * what arrives meanwhile joins the batch: fewer, fuller batches for a little latency.
   */
  readonly lingerMs?: number;
}

/**
 * Catch-up then live delivery of the whole log in global order, as batches of consecutive events:
 * a batch is what was available at once, so a consumer can commit its work once per batch.
 * Positions strictly increase across batches; no event is ever skipped.
 */
export interface EventSubscription extends AsyncIterable<readonly RecordedEvent[]> {
  /** Ends the iteration, also when it is waiting for new events. */
  close(): Promise<void>;
}

export interface LogHead {
  readonly position: Position;
  readonly recordedAt: string;
}

/** Events for one stream, appended at an expected revision. */
export interface StreamAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

export interface EventStore {
  /**
   * Appends atomically and durably: the promise resolves only once the events survive a crash.
   * Throws WrongExpectedVersionError on a revision mismatch. Appending ids that are already in the
   * log, to the same stream, returns the original result and writes nothing.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;

  /**
   * Appends to several streams at once, all or nothing where the store can (SQLite: one
   * transaction; EventStoreDB has no multi-stream transaction, so it appends stream by stream and
   * a retry with the same event ids completes what a failure left half done). Results follow the
   * order of `appends`. A conflict on any stream fails the whole call.
   */
  appendAll(appends: readonly StreamAppend[]): Promise<AppendResult[]>;

  /** The stream's events; an empty array for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** The whole log in global order, paged: safe for logs far larger than memory. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeOptions): EventSubscription;

  /** The last event in the log, or null when it is empty. */
  head(): Promise<LogHead | null>;

  /** How many events lie after a position, counting no further than `cap`. */
  countAfter(position: Position | 'start', cap: number): Promise<number>;

  /** Cheap liveness check for /health. */
  ping(): Promise<void>;

  close(): Promise<void>;

  /**
   * Capability of a store that other threads tail through their own connections (SQLite): calls
   * back after appends made durable in this process, so they can be told to look now rather than
   * at their next poll. A store without it has subscriptions of its own (EventStoreDB).
   */
  onAppended?(listener: () => void): void;

  /** Capability paired with onAppended: look for new events now, in this thread's subscriptions. */
  wakeSubscriptions?(): void;
}
