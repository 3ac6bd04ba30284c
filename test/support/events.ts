import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../../src/shared/eventstore/event-envelope';
import { newEventId } from '../../src/shared/eventstore/event-ids';

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'test',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    ...overrides,
  };
}

export function newEvent<T>(type: string, data: T, overrides: Partial<NewEvent> = {}): NewEvent {
  return { id: newEventId(), type, data, metadata: metadata(), ...overrides };
}

/** A stream name no other test or run uses, so suites can share a server. */
export function uniqueStream(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
