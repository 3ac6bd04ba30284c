import {
  type BatchResult,
  type ConsumerFailure,
  describeFailure,
} from '../consumers/checkpointed-runner';
import { comparePositions, type Position, type RecordedEvent } from '../eventstore/event-envelope';
import type {
  Document,
  DocumentWrite,
  ReadModelStore,
  StoredDocument,
} from '../readmodels/read-model-store.port';
import { checkpointName, physicalCollection, type ProjectionBuild } from './projection-naming';

export interface BatchOutcome extends BatchResult {
  /** Events taken into account (handled or passed over), in order, before any failure. */
  readonly processed: number;
  readonly documentsWritten: number;
}

interface Slot {
  document: Document | null;
  position: Position | null;
  dirty: boolean;
  /** The store holds this document: deleting one that never got there needs no write. */
  readonly stored: boolean;
}

/**
 * Applies a batch of consecutive events to a projection's documents and writes them with the
 * checkpoint. Documents are fetched once per batch; a document whose stored position is at or
 * past an event already has it (a redelivery) and is left alone, so applying the same events
 * twice, or resuming after a crash between documents and checkpoint, gives the same documents.
 * An event that makes the projection throw ends the batch there: what came before it is written,
 * and the failure names the event, which is never skipped.
 */
export async function applyEvents(
  build: ProjectionBuild,
  store: ReadModelStore,
  events: readonly RecordedEvent[],
): Promise<BatchOutcome> {
  const { definition } = build;
  const handles =
    definition.eventTypes === 'all'
      ? () => true
      : (
          (types: Set<string>) => (type: string) =>
            types.has(type)
        )(new Set(definition.eventTypes));
  const collections = definition.collections;
  const targets: (readonly (readonly string[])[] | null)[] = [];
  let failure: ConsumerFailure | null = null;
  let usable = events.length;

  // First pass: which documents the batch touches, so they load in one round trip per collection.
  const wanted = collections.map(() => new Set<string>());
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!handles(event.type)) {
      targets.push(null);
      continue;
    }
    try {
      const ids = collections.map((c) => c.documentIds(event));
      ids.forEach((list, c) => list.forEach((id) => wanted[c].add(id)));
      targets.push(ids);
    } catch (error) {
      failure = describeFailure(event, error);
      usable = i;
      break;
    }
  }

  const loaded = await Promise.all(
    collections.map((c, i) =>
      store.loadForUpdate(physicalCollection(build, c.name), [...wanted[i]]),
    ),
  );
  const slots = loaded.map(
    (found: Map<string, StoredDocument>) =>
      new Map<string, Slot>(
        [...found.values()].map((d) => [
          d.id,
          // Stored: a later deletion of it must reach the store.
          { document: d.document, position: d.position, dirty: false, stored: true },
        ]),
      ),
  );

  // Second pass: evolve. An event's changes land only once all its collections accepted it.
  let processed = 0;
  for (let i = 0; i < usable; i++) {
    const event = events[i];
    const ids = targets[i];
    if (ids) {
      const staged: [Map<string, Slot>, string, Document | null][] = [];
      try {
        collections.forEach((collection, c) => {
          for (const id of ids[c]) {
            const slot = slots[c].get(id);
            if (slot?.position && comparePositions(slot.position, event.position) >= 0) continue;
            staged.push([
              slots[c],
              id,
              collection.evolve(slot?.document ?? null, event, id) as Document | null,
            ]);
          }
        });
      } catch (error) {
        failure = describeFailure(event, error);
        break;
      }
      for (const [docs, id, document] of staged) {
        const stored = docs.get(id)?.stored ?? false;
        docs.set(id, { document, position: event.position, dirty: true, stored });
      }
    }
    processed = i + 1;
  }

  const writes: DocumentWrite[] = [];
  collections.forEach((collection, c) => {
    const name = physicalCollection(build, collection.name);
    for (const [id, slot] of slots[c]) {
      if (slot.dirty && (slot.document !== null || slot.stored)) {
        writes.push({ collection: name, id, document: slot.document, position: slot.position! });
      }
    }
  });
  const checkpoint = processed > 0 ? events[processed - 1].position : null;
  if (checkpoint) await store.applyBatch(checkpointName(build), writes, checkpoint);
  return { processed, checkpoint, documentsWritten: writes.length, failure };
}
