import type { ExpectedRevision } from './event-envelope';

/** The stream was not at the revision the writer read: someone else wrote first (HTTP 409). */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream} expected at ${String(expected)} but is at ${String(actual)}`);
  }
}

/** Event ids already in the log were appended again with other content or to another stream. */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';

  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`event id ${eventId} is already used by another write than this one to ${stream}`);
  }
}

/** A caller broke the port's input rules (empty append, malformed id, bad stream name). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
