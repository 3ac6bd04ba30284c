import type { Position } from '../eventstore/event-envelope';

export const READ_MODEL_STORE = Symbol('ReadModelStore');

/** A read-model document: plain JSON. Top-level keys starting with `_` or `$` are reserved. */
export type Document = Record<string, unknown>;

/**
 * An indexed field, by dotted path. `multi` marks an array field: a filter on it matches a
 * document when any element equals the value (and it cannot be sorted on).
 */
export interface IndexSpec {
  readonly field: string;
  readonly multi?: boolean;
}

export interface CollectionSpec {
  /** snake_case, physical: projections pass `<collection>_v<version>`. */
  readonly name: string;
  readonly indexes?: readonly IndexSpec[];
  /** Fields searched by `search`; string or array-of-string values. */
  readonly textFields?: readonly string[];
}

export type FieldValue = string | number | boolean | null;

export interface FieldRange {
  readonly eq?: FieldValue;
  readonly in?: readonly FieldValue[];
  readonly gt?: string | number;
  readonly gte?: string | number;
  readonly lt?: string | number;
  readonly lte?: string | number;
}

/** Conditions on declared index fields (or `id`), all of which must hold; undefined ones are ignored. */
export type Where = Readonly<Record<string, FieldValue | FieldRange | undefined>>;

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  readonly where?: Where;
  /** Sort on declared single-valued fields; `id` always breaks ties. Default: by id. */
  readonly sort?: readonly (readonly [field: string, direction: SortDirection])[];
  /** Default 50, at most 1000. */
  readonly limit?: number;
  /** `nextCursor` of the previous page of the same query. */
  readonly cursor?: string | null;
}

export interface SearchOptions {
  readonly where?: Where;
  /** Every word also matches longer words it begins (type-as-you-go): `kas` finds `Kashan`. */
  readonly prefix?: boolean;
  readonly limit?: number;
  readonly cursor?: string | null;
}

export interface Page<T> {
  readonly items: T[];
  /** Present when more items may follow. */
  readonly nextCursor: string | null;
}

export interface FacetOptions {
  /** Count only the documents this text finds (as `search` with the same prefix option). */
  readonly text?: string;
  readonly prefix?: boolean;
  readonly where?: Where;
  /** Values per field, most frequent first; default 20. */
  readonly limit?: number;
}

export interface FacetCount {
  readonly value: FieldValue;
  readonly count: number;
}

export interface SearchHit<T> {
  readonly document: T;
  /** Higher is more relevant; comparable only within one result list. */
  readonly score: number;
}

/** A document as the projection engine sees it: with the position of the last event applied. */
export interface StoredDocument {
  readonly id: string;
  readonly document: Document;
  readonly position: Position;
}

export interface DocumentWrite {
  readonly collection: string;
  readonly id: string;
  /** null deletes the document. */
  readonly document: Document | null;
  /** Position of the last event applied to it. */
  readonly position: Position;
}

export interface ReadModelStore {
  /** Creates the collection and its declared indexes when missing; safe to repeat. */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  dropCollection(name: string): Promise<void>;
  listCollections(): Promise<string[]>;

  /**
   * Writes one consumer's document changes, then its checkpoint. No multi-document transaction is
   * assumed: after a crash between the two, the consumer redelivers from the old checkpoint and
   * skips what the documents' positions show was applied already.
   */
  applyBatch(
    consumer: string,
    writes: readonly DocumentWrite[],
    checkpoint: Position,
  ): Promise<void>;
  getCheckpoint(consumer: string): Promise<Position | null>;
  deleteCheckpoint(consumer: string): Promise<void>;

  /** Documents with their positions, for the projection engine. Missing ids are absent. */
  loadForUpdate(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>>;

  findById<T extends Document = Document>(collection: string, id: string): Promise<T | null>;
  find<T extends Document = Document>(collection: string, options?: FindOptions): Promise<Page<T>>;
  count(collection: string, where?: Where): Promise<number>;
  /** Full-text search on the declared text fields: every word must match; best matches first. */
  search<T extends Document = Document>(
    collection: string,
    text: string,
    options?: SearchOptions,
  ): Promise<Page<SearchHit<T>>>;

  /**
   * How many matching documents hold each value of each of the given indexed single-valued
   * fields, most frequent first (ties by value); documents without the field are not counted.
   */
  facets(
    collection: string,
    fields: readonly string[],
    options?: FacetOptions,
  ): Promise<Record<string, FacetCount[]>>;

  /** Small named values for the engine's bookkeeping (which projection version is live). */
  getMeta<T>(key: string): Promise<T | null>;
  setMeta(key: string, value: unknown): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A query the store cannot answer as asked: an undeclared field, a bad cursor (HTTP 400). */
export class ReadModelQueryError extends Error {
  override readonly name = 'ReadModelQueryError';
}
