import { createHash } from 'node:crypto';
import type { ProjectionDefinition } from '../shared/projections/projection-definition';
import type { Document, Page, ReadModelStore } from '../shared/readmodels/read-model-store.port';

/** The physical collection that serves a projection's logical collection in one read store. */
export type ServingCollection = (projection: ProjectionDefinition, collection: string) => string;

export interface CollectionDigest {
  readonly projection: string;
  /** Logical name, as the projection declares it. */
  readonly collection: string;
  /** Where the documents were read: `<collection>_v<version>[_<tag>]`. */
  readonly physical: string;
  readonly documents: number;
  /** sha256 over every document's id and digest, in id order. */
  readonly sha256: string;
  /** Each document's sha256 by id: what a comparison names when two digests differ. */
  readonly byId: ReadonlyMap<string, string>;
}

export interface ReadModelDigest {
  readonly collections: readonly CollectionDigest[];
  /** sha256 over the collections' names and digests, in the projections' declared order. */
  readonly sha256: string;
}

const PAGE_SIZE = 1000;

/**
 * A fingerprint of every read model a store serves: equal digests mean the same documents with
 * the same content, whatever order they were written in and whichever adapter holds them.
 * Documents are hashed as stable JSON (object keys sorted) and sorted by id here rather than by
 * the store, so that SQLite and MongoDB collations cannot make equal contents differ. Only
 * document contents count: the positions the store keeps beside them are bookkeeping.
 */
export async function digestReadModels(
  store: ReadModelStore,
  definitions: readonly ProjectionDefinition[],
  serving: ServingCollection,
): Promise<ReadModelDigest> {
  const collections: CollectionDigest[] = [];
  for (const definition of definitions) {
    for (const { name } of definition.collections) {
      collections.push(
        await digestCollection(store, definition.name, name, serving(definition, name)),
      );
    }
  }
  const overall = createHash('sha256');
  for (const c of collections) overall.update(`${c.projection}/${c.collection}\t${c.sha256}\n`);
  return { collections, sha256: overall.digest('hex') };
}

async function digestCollection(
  store: ReadModelStore,
  projection: string,
  collection: string,
  physical: string,
): Promise<CollectionDigest> {
  const byId = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page: Page<Document> = await store.find(physical, { limit: PAGE_SIZE, cursor });
    for (const document of page.items) {
      const id = idOf(document, physical);
      if (byId.has(id)) throw new Error(`${physical} holds two documents with id ${id}`);
      byId.set(id, sha256(stableJson(document)));
    }
    cursor = page.nextCursor;
  } while (cursor);
  const digest = createHash('sha256');
  for (const id of [...byId.keys()].sort()) digest.update(`${id}\t${byId.get(id)}\n`);
  return {
    projection,
    collection,
    physical,
    documents: byId.size,
    sha256: digest.digest('hex'),
    byId,
  };
}

function idOf(document: Document, collection: string): string {
  if (typeof document.id !== 'string')
    throw new Error(`a document of ${collection} has no string id: documents are compared by id`);
  return document.id;
}

/** JSON with every object's keys in sorted order: equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
