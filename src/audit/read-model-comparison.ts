import type { CollectionDigest, ReadModelDigest } from './read-model-digest';

export interface CollectionComparison {
  readonly projection: string;
  readonly collection: string;
  readonly expected: CollectionDigest;
  readonly actual: CollectionDigest;
  readonly equal: boolean;
  /** Document ids, sorted: in the actual read models only, in the expected only, in both but different. */
  readonly extra: readonly string[];
  readonly missing: readonly string[];
  readonly changed: readonly string[];
}

export interface ReadModelComparison {
  readonly equal: boolean;
  readonly collections: readonly CollectionComparison[];
}

/**
 * Compares read models (actual, e.g. the live ones) with what they should be (expected, e.g. a
 * rebuild from the log), collection by collection, naming the documents that differ.
 */
export function compareReadModels(
  expected: ReadModelDigest,
  actual: ReadModelDigest,
): ReadModelComparison {
  const key = (c: CollectionDigest) => `${c.projection}/${c.collection}`;
  const actualByKey = new Map(actual.collections.map((c) => [key(c), c]));
  if (actual.collections.length !== expected.collections.length)
    throw new Error('the two digests cover different projections');
  const collections = expected.collections.map((e) => {
    const a = actualByKey.get(key(e));
    if (!a) throw new Error(`the actual read models have no ${key(e)}`);
    const extra = [...a.byId.keys()].filter((id) => !e.byId.has(id)).sort();
    const missing = [...e.byId.keys()].filter((id) => !a.byId.has(id)).sort();
    const changed = [...e.byId]
      .filter(([id, sha256]) => a.byId.has(id) && a.byId.get(id) !== sha256)
      .map(([id]) => id)
      .sort();
    return {
      projection: e.projection,
      collection: e.collection,
      expected: e,
      actual: a,
      equal: e.sha256 === a.sha256,
      extra,
      missing,
      changed,
    };
  });
  return { equal: collections.every((c) => c.equal), collections };
}

/** One line per collection that differs, naming up to `limit` documents of each kind. */
export function describeDifferences(comparison: ReadModelComparison, limit = 5): string[] {
  const ids = (list: readonly string[]) =>
    `${list.slice(0, limit).join(', ')}${list.length > limit ? `, and ${list.length - limit} more` : ''}`;
  return comparison.collections
    .filter((c) => !c.equal)
    .map((c) =>
      [
        `${c.projection}/${c.collection}:`,
        c.extra.length > 0
          ? ` ${c.extra.length} only in ${c.actual.physical} (${ids(c.extra)});`
          : '',
        c.missing.length > 0 ? ` ${c.missing.length} missing (${ids(c.missing)});` : '',
        c.changed.length > 0 ? ` ${c.changed.length} different (${ids(c.changed)});` : '',
      ].join(''),
    );
}
