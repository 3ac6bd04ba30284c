/**
 * The storage contract of every event. Plain types only: deciders, projections and adapters
 * all speak this shape, so it imports nothing.
 */

/**
 * A place in the global log. EventStoreDB has two coordinates (commit, prepare); the embedded
 * store uses one sequence for both. Numbers stay exact below 2^53 bytes of log (9 PB).
 */
export interface Position {
  readonly commit: number;
  readonly prepare: number;
}

export interface EventMetadata {
  /** Who caused the event: a user, an API key, or a process manager. */
  readonly actor: string;
  /** The business conversation (one HTTP request, one import) the event belongs to. */
  readonly correlationId: string;
  /** The message (request or event id) that directly caused this event. */
  readonly causationId: string;
  /** When the fact happened in the business, as an ISO-8601 instant. */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  readonly [extra: string]: unknown;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  /** A UUID; appending the same ids again is an idempotent retry. */
  readonly id: string;
  readonly type: TType;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<
  TType,
  TData
> {
  readonly stream: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  readonly position: Position;
  /** When the store durably recorded the event, ISO-8601. */
  readonly recordedAt: string;
}

/** `no_stream`: the stream must not exist; `any`: no check; a number: the stream's last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream: the expected revision of the next append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: Position;
}

export function comparePositions(a: Position, b: Position): number {
  return a.commit - b.commit || a.prepare - b.prepare;
}

export const START_POSITION: Position = Object.freeze({ commit: -1, prepare: -1 });

export function isAfter(a: Position, b: Position): boolean {
  return comparePositions(a, b) > 0;
}
