import type { ExpectedRevision, NewEvent } from './event-envelope';
import { InvalidAppendError } from './event-store.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUIRED_METADATA = ['actor', 'correlationId', 'causationId', 'occurredAt'] as const;

/**
 * The rules every adapter enforces before anything is written, so that the log only ever holds
 * attributable events (who, when, correlation, causation) with well-formed ids.
 */
export function assertValidAppend(
  stream: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): void {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > 512) {
    throw new InvalidAppendError('a stream name is a non-empty string of at most 512 characters');
  }
  if (stream.startsWith('$')) {
    throw new InvalidAppendError(`stream ${stream}: names starting with $ are reserved`);
  }
  if (
    expectedRevision !== 'any' &&
    expectedRevision !== 'no_stream' &&
    !(Number.isSafeInteger(expectedRevision) && expectedRevision >= 0)
  ) {
    throw new InvalidAppendError(`expected revision ${String(expectedRevision)} is not valid`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(`append to ${stream} carries no events`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidAppendError(`event id ${String(event.id)} is not a UUID`);
    }
    if (ids.has(event.id)) {
      throw new InvalidAppendError(`event id ${event.id} appears twice in one append`);
    }
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(`event ${event.id} has no valid type`);
    }
    const metadata = event.metadata as unknown as Record<string, unknown> | undefined;
    for (const field of REQUIRED_METADATA) {
      if (typeof metadata?.[field] !== 'string' || (metadata[field] as string).length === 0) {
        throw new InvalidAppendError(`event ${event.id} metadata lacks ${field}`);
      }
    }
    if (!Number.isSafeInteger(metadata?.schemaVersion)) {
      throw new InvalidAppendError(`event ${event.id} metadata lacks schemaVersion`);
    }
  }
}

/** JSON text of an event part; a value JSON cannot represent is the caller's error. */
export function toJson(eventId: string, part: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(
      `event ${eventId} ${part} is not JSON: ${(error as Error).message}`,
    );
  }
  if (json === undefined) throw new InvalidAppendError(`event ${eventId} ${part} is not JSON`);
  return json;
}
