import type { Position } from '../shared/eventstore/event-envelope';
import { readLiveBuild } from '../shared/projections/live-build';
import type { ProjectionDefinition } from '../shared/projections/projection-definition';
import type { ReadModelStore } from '../shared/readmodels/read-model-store.port';
import type { ServingCollection } from './read-model-digest';

/** The build of a projection that serves reads in a read store, and how far it has read the log. */
export interface ServingBuild {
  readonly projection: string;
  readonly version: number;
  /** Logical collection name -> physical collection name. */
  readonly collections: Readonly<Record<string, string>>;
  readonly position: Position | null;
}

/**
 * Read from what the engine records, without starting an engine (which would write): a tool must
 * be able to look at a server's read models while the server owns them.
 */
export async function servingBuilds(
  store: ReadModelStore,
  definitions: readonly ProjectionDefinition[],
): Promise<ServingBuild[]> {
  return Promise.all(
    definitions.map(async (definition) => {
      const recorded = await readLiveBuild(store, definition.name);
      if (!recorded)
        throw new Error(`projection ${definition.name} has never run on this read store`);
      return {
        projection: definition.name,
        version: recorded.version,
        collections: recorded.collections,
        position: await store.getCheckpoint(recorded.checkpoint),
      };
    }),
  );
}

/** The digest's view of which collections serve reads, from the builds a store serves. */
export function servedBy(builds: readonly ServingBuild[]): ServingCollection {
  const byProjection = new Map(builds.map((b) => [b.projection, b.collections]));
  return (definition, collection) => {
    const physical = byProjection.get(definition.name)?.[collection];
    if (!physical)
      throw new Error(`projection ${definition.name} serves no collection ${collection}`);
    return physical;
  };
}
