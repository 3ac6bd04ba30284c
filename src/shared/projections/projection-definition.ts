import type { RecordedEvent } from '../eventstore/event-envelope';
import type { Document, IndexSpec } from '../readmodels/read-model-store.port';

/**
 * A read model, as pure data and functions: what projections/ exports. No framework, driver or
 * clock: the same definition runs live and in replay, and gives the same documents both times.
 */
export interface ProjectionDefinition<TEvent extends RecordedEvent = RecordedEvent> {
  /** snake_case; with the version it names the collections and the checkpoint. */
  readonly name: string;
  /** Bump it when evolve changes meaning: the new version is rebuilt beside the old one. */
  readonly version: number;
  /** Event types the projection reads (or 'all'); any other event only moves its checkpoint. */
  readonly eventTypes: readonly string[] | 'all';
  readonly collections: readonly ProjectedCollection<TEvent>[];
}

export interface ProjectedCollection<
  TEvent extends RecordedEvent = RecordedEvent,
  TDoc = Document,
> {
  /** Logical name; stored as `<name>_v<version>`. */
  readonly name: string;
  readonly indexes?: readonly IndexSpec[];
  readonly textFields?: readonly string[];
  /** The documents this event changes (none, one or several). */
  documentIds(event: TEvent): readonly string[];
  /** The document `id` after the event; null deletes it. Must not mutate its input. */
  evolve(document: TDoc | null, event: TEvent, id: string): TDoc | null;
}

/** Type helper so each projection keeps its own event and document types. */
export function defineProjection<TEvent extends RecordedEvent>(
  definition: ProjectionDefinition<TEvent>,
): ProjectionDefinition {
  return definition as unknown as ProjectionDefinition;
}

export function defineCollection<TEvent extends RecordedEvent, TDoc extends Document>(
  collection: ProjectedCollection<TEvent, TDoc>,
): ProjectedCollection<TEvent> {
  return collection as unknown as ProjectedCollection<TEvent>;
}
