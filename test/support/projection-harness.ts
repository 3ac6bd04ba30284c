import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventMetadata, RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { applyEvents, type BatchOutcome } from '../../src/shared/projections/projection-batch';
import type { ProjectionDefinition } from '../../src/shared/projections/projection-definition';
import { physicalCollection } from '../../src/shared/projections/projection-naming';
import type { Document } from '../../src/shared/readmodels/read-model-store.port';
import { SqliteReadModelStore } from '../../src/shared/readmodels/sqlite-read-model-store';
import { deepFreeze } from './decider';
import { tempDir } from './temp-dir';

/**
 * A projection run by the real engine batch on the real embedded read store: given events,
 * then documents. Events are frozen, so a projection that mutates its input fails.
 */
export async function projectionHarness(definition: ProjectionDefinition) {
  const dir = tempDir();
  const store = new SqliteReadModelStore({ file: join(dir.path, 'read-models.sqlite') });
  const build = { definition };
  for (const collection of definition.collections) {
    await store.ensureCollection({
      ...collection,
      name: physicalCollection(build, collection.name),
    });
  }
  return {
    store,
    apply: (events: readonly RecordedEvent[]): Promise<BatchOutcome> =>
      applyEvents(build, store, events.map(deepFreeze)),
    document: <T extends Document>(collection: string, id: string) =>
      store.findById<T>(physicalCollection(build, collection), id),
    all: async (collection: string) =>
      (await store.find(physicalCollection(build, collection), { limit: 1000 })).items,
    close: async () => {
      await store.close();
      dir.remove();
    },
  };
}

/** Builds recorded events with rising positions, as the log would hand them out. */
export function eventLog(start = 1) {
  let position = start;
  const revisions = new Map<string, number>();
  return <TType extends string, TData>(
    stream: string,
    type: TType,
    data: TData,
    metadata: Partial<EventMetadata> = {},
  ): RecordedEvent<TType, TData> => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    const at = position++;
    return {
      id: randomUUID(),
      type,
      data,
      metadata: {
        actor: 'clerk',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: new Date(Date.UTC(2026, 10, 1, 9, 0, at)).toISOString(),
        schemaVersion: 1,
        ...metadata,
      },
      stream,
      revision,
      position: { commit: at, prepare: at },
      recordedAt: new Date(Date.UTC(2026, 10, 1, 9, 0, at)).toISOString(),
    };
  };
}
