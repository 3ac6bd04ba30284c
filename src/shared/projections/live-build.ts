import type { ReadModelStore } from '../readmodels/read-model-store.port';

/** Which build of a projection queries read: kept in the read store across restarts. */
export interface LiveBuild {
  readonly version: number;
  readonly tag: string | null;
  readonly checkpoint: string;
  /** Logical collection name -> physical collection name. */
  readonly collections: Readonly<Record<string, string>>;
}

function metaKey(projection: string): string {
  return `projection:${projection}`;
}

/** The build serving a projection's reads, or null before its first run on this store. */
export function readLiveBuild(
  store: ReadModelStore,
  projection: string,
): Promise<LiveBuild | null> {
  return store.getMeta<LiveBuild>(metaKey(projection));
}

export function recordLiveBuild(
  store: ReadModelStore,
  projection: string,
  build: LiveBuild,
): Promise<void> {
  return store.setMeta(metaKey(projection), build);
}
