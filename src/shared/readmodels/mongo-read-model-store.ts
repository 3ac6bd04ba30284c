import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  MongoClient,
  type Document as MongoDocument,
  type Sort,
} from 'mongodb';
import type { Position } from '../eventstore/event-envelope';
import {
  allOf,
  conditionFilter,
  cursorValues,
  fieldPath,
  keysetFilter,
  type MongoFilter,
  type StoredRecord,
} from './mongo-query';
import {
  assertCollectionName,
  assertCollectionSpec,
  clampLimit,
  decodeCursor,
  decodeOffsetCursor,
  encodeCursor,
  fieldKind,
  normalizeSort,
  normalizeWhere,
  readPath,
  searchWords,
} from './read-model-query';
import {
  type CollectionSpec,
  type Document,
  type DocumentWrite,
  type FacetCount,
  type FacetOptions,
  type FieldValue,
  type FindOptions,
  type IndexSpec,
  type Page,
  ReadModelQueryError,
  type ReadModelStore,
  type SearchHit,
  type SearchOptions,
  type StoredDocument,
  type Where,
} from './read-model-store.port';

export interface MongoReadModelStoreOptions {
  readonly url: string;
  /** Defaults to the database named in the URL (the driver's `test` when it names none). */
  readonly database?: string;
}

interface SpecRecord {
  _id: string;
  indexes: IndexSpec[];
  textFields: string[];
}

interface CheckpointRecord {
  _id: string;
  commit: number;
  prepare: number;
  updatedAt: Date;
}

interface MetaRecord {
  _id: string;
  /** JSON text, as the SQLite adapter keeps it, so values read back the same on both. */
  value: string;
}

// Port names start with a letter, so `rm__` names can never collide with a collection's.
const SPECS = 'rm__collections';
const CHECKPOINTS = 'rm__checkpoints';
const META = 'rm__meta';
/** The text index earlier versions kept; searches read the words array now (see textMatch). */
const TEXT_INDEX = 'rm_text';
/** The folded words of a document's text fields, kept beside it for search. */
const WORDS_FIELD = '_words';
/** Only present in search results; a stored field of that name would be shadowed. */
const SCORE_FIELD = '_score';

/**
 * The MongoDB read store: one collection per read-model collection (`rm_<name>`), declared
 * fields indexed together with `_id` so that an equality filter in id order reads from the index,
 * and an index on the folded words of the text fields, which every search reads (no `$text`, which
 * wire-compatible servers lack and which cannot match word beginnings). Specs,
 * checkpoints and meta values live in `rm__` collections. Writes go in unordered bulks per
 * collection and the checkpoint follows once all have succeeded; no transaction is needed
 * because the projection engine skips what documents' positions show as applied.
 *
 * Open it with `MongoReadModelStore.connect(...)`.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly specs = new Map<string, CollectionSpec>();
  private readonly specRecords: Collection<SpecRecord>;
  private readonly checkpoints: Collection<CheckpointRecord>;
  private readonly meta: Collection<MetaRecord>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.specRecords = db.collection<SpecRecord>(SPECS);
    this.checkpoints = db.collection<CheckpointRecord>(CHECKPOINTS);
    this.meta = db.collection<MetaRecord>(META);
  }

  static async connect(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
    // Leaving undefined fields out, as JSON does, keeps documents identical to the SQLite store's.
    const client = new MongoClient(options.url, { ignoreUndefined: true });
    await client.connect();
    return new MongoReadModelStore(client, client.db(options.database));
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertCollectionSpec(spec);
    const previous = await this.loadSpec(spec.name);
    const documents = this.documents(spec.name);
    if (spec.indexes?.length) {
      await documents.createIndexes(
        spec.indexes.map((index) => ({ key: { [index.field]: 1, _id: 1 } })),
      );
    }
    const textFields = [...(spec.textFields ?? [])];
    await dropLegacyTextIndex(documents);
    if (textFields.length > 0) {
      // Search reads the words array: equality and anchored regexes on it are index scans.
      await documents.createIndex({ [WORDS_FIELD]: 1 });
    }
    const merged: SpecRecord = {
      _id: spec.name,
      indexes: mergeIndexes(previous?.indexes ?? [], spec.indexes ?? []),
      textFields,
    };
    await this.specRecords.replaceOne({ _id: spec.name }, merged, { upsert: true });
    this.specs.set(spec.name, specOfRecord(merged));
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    await dropIfPresent(this.db, documentCollection(name));
    await this.specRecords.deleteOne({ _id: name });
    this.specs.delete(name);
  }

  async listCollections(): Promise<string[]> {
    const records = await this.specRecords
      .find({}, { projection: { _id: 1 }, sort: { _id: 1 } })
      .toArray();
    return records.map((r) => r._id);
  }

  async applyBatch(
    consumer: string,
    writes: readonly DocumentWrite[],
    checkpoint: Position,
  ): Promise<void> {
    const collections = new Map<string, Map<string, DocumentWrite>>();
    for (const write of writes) {
      let latest = collections.get(write.collection);
      if (!latest) collections.set(write.collection, (latest = new Map()));
      // An unordered bulk may apply a document's writes in any order: keep only its last one.
      latest.delete(write.id);
      latest.set(write.id, write);
    }
    const specs = new Map(
      await Promise.all(
        [...collections.keys()].map(async (c) => [c, await this.specOf(c)] as const),
      ),
    );
    // Settle every bulk before failing, so none is still writing when the caller retries.
    const outcomes = await Promise.allSettled(
      [...collections].map(([collection, latest]) =>
        this.documents(collection).bulkWrite(
          [...latest.values()].map((write) =>
            bulkOperation(write, specs.get(collection)?.textFields ?? []),
          ),
          { ordered: false },
        ),
      ),
    );
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw failure.reason;
    await this.checkpoints.replaceOne(
      { _id: consumer },
      { commit: checkpoint.commit, prepare: checkpoint.prepare, updatedAt: new Date() },
      { upsert: true },
    );
  }

  async getCheckpoint(consumer: string): Promise<Position | null> {
    const record = await this.checkpoints.findOne({ _id: consumer });
    return record ? { commit: record.commit, prepare: record.prepare } : null;
  }

  async deleteCheckpoint(consumer: string): Promise<void> {
    await this.checkpoints.deleteOne({ _id: consumer });
  }

  async loadForUpdate(
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument>> {
    const found = new Map<string, StoredDocument>();
    if (ids.length === 0) return found;
    await this.specOf(collection);
    const records = await this.documents(collection)
      .find({ _id: { $in: [...ids] } })
      .toArray();
    for (const record of records) {
      found.set(record._id, {
        id: record._id,
        document: documentOf(record),
        position: { commit: record._position.commit, prepare: record._position.prepare },
      });
    }
    return found;
  }

  async findById<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    await this.specOf(collection);
    const record = await this.documents(collection).findOne({ _id: id });
    return record ? (documentOf(record) as T) : null;
  }

  async find<T extends Document = Document>(
    collection: string,
    options: FindOptions = {},
  ): Promise<Page<T>> {
    const spec = await this.specOf(collection);
    const conditions = normalizeWhere(spec, options.where);
    const sort = normalizeSort(spec, options.sort);
    const limit = clampLimit(options.limit);
    const clauses = conditions.map(conditionFilter);
    if (options.cursor) clauses.push(keysetFilter(sort, decodeCursor(options.cursor, sort.length)));
    const order: Sort = sort.map((k) => [fieldPath(k.field), k.direction] as const);
    // One more than asked tells whether a next page exists; one batch avoids a getMore.
    const records = await this.documents(collection)
      .find(allOf(clauses), { sort: order, limit: limit + 1, batchSize: limit + 1 })
      .toArray();
    const items = records.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      records.length > limit && last ? encodeCursor(cursorValues(sort, last)) : null;
    return { items: items.map((r) => documentOf(r) as T), nextCursor };
  }

  async count(collection: string, where?: Where): Promise<number> {
    const conditions = normalizeWhere(await this.specOf(collection), where);
    return this.documents(collection).countDocuments(allOf(conditions.map(conditionFilter)));
  }

  async search<T extends Document = Document>(
    collection: string,
    text: string,
    options: SearchOptions = {},
  ): Promise<Page<SearchHit<T>>> {
    const spec = await this.specOf(collection);
    const match = textMatch(spec, text, options.prefix);
    if (!match) return { items: [], nextCursor: null };
    const limit = clampLimit(options.limit);
    const offset = decodeOffsetCursor(options.cursor);
    const clauses = normalizeWhere(spec, options.where).map(conditionFilter);
    const filter = allOf([match.filter, ...clauses]);
    // Rank by how many of the typed words a document holds whole (a word begun ranks below).
    const score = { $size: { $setIntersection: [`$${WORDS_FIELD}`, match.words] } };
    const records = await this.documents(collection)
      .aggregate<MongoDocument>([
        { $match: filter },
        { $addFields: { [SCORE_FIELD]: score } },
        { $sort: { [SCORE_FIELD]: -1, _id: 1 } },
        { $skip: offset },
        { $limit: limit + 1 },
      ])
      .toArray();
    return {
      items: records.slice(0, limit).map(({ [SCORE_FIELD]: found, ...record }) => ({
        document: documentOf(record) as T,
        score: found as number,
      })),
      nextCursor: records.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }

  async facets(
    collection: string,
    fields: readonly string[],
    options: FacetOptions = {},
  ): Promise<Record<string, FacetCount[]>> {
    const spec = await this.specOf(collection);
    for (const field of fields) {
      if (fieldKind(spec, field) !== 'single') {
        throw new ReadModelQueryError(
          `${field} is not an indexed single-valued field of ${spec.name}`,
        );
      }
    }
    const match =
      options.text === undefined ? undefined : textMatch(spec, options.text, options.prefix);
    if (match === null || fields.length === 0)
      return Object.fromEntries(fields.map((f) => [f, []]));
    const clauses = normalizeWhere(spec, options.where).map(conditionFilter);
    const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
    const [counted] = await this.documents(collection)
      .aggregate<Record<string, { _id: FieldValue; count: number }[]>>([
        { $match: allOf(match ? [match.filter, ...clauses] : clauses) },
        {
          $facet: Object.fromEntries(
            fields.map((field, i) => [
              `f${i}`,
              [
                { $match: { [fieldPath(field)]: { $ne: null } } },
                { $group: { _id: `$${fieldPath(field)}`, count: { $sum: 1 } } },
                { $sort: { count: -1, _id: 1 } },
                { $limit: limit },
              ],
            ]),
          ),
        },
      ])
      .toArray();
    return Object.fromEntries(
      fields.map((field, i) => [
        field,
        (counted?.[`f${i}`] ?? []).map(({ _id, count }) => ({ value: _id, count })),
      ]),
    );
  }

  async getMeta<T>(key: string): Promise<T | null> {
    const record = await this.meta.findOne({ _id: key });
    return record ? (JSON.parse(record.value) as T) : null;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.replaceOne({ _id: key }, { value: JSON.stringify(value) }, { upsert: true });
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private documents(collection: string): Collection<StoredRecord> {
    return this.db.collection<StoredRecord>(documentCollection(collection));
  }

  private async specOf(collection: string): Promise<CollectionSpec> {
    const spec = await this.loadSpec(collection);
    if (!spec) throw new ReadModelQueryError(`collection ${collection} does not exist`);
    return spec;
  }

  private async loadSpec(collection: string): Promise<CollectionSpec | null> {
    assertCollectionName(collection);
    const known = this.specs.get(collection);
    if (known) return known;
    const record = await this.specRecords.findOne({ _id: collection });
    if (!record) return null;
    const spec = specOfRecord(record);
    this.specs.set(collection, spec);
    return spec;
  }
}

/**
 * How a text search selects documents, through the folded words array: every typed word must be
 * one of a document's words, or with `prefix` begin one. Null when there is no word.
 */
function textMatch(
  spec: CollectionSpec,
  text: string,
  prefix = false,
): { filter: MongoFilter; words: string[] } | null {
  if (!spec.textFields?.length) {
    throw new ReadModelQueryError(`${spec.name} declares no text fields to search`);
  }
  const words = foldedWords(text);
  if (words.length === 0) return null;
  const holds = (word: string) => (prefix ? { $regex: `^${escapeRegex(word)}` } : word);
  return { filter: { $and: words.map((w) => ({ [WORDS_FIELD]: holds(w) })) }, words };
}

function documentCollection(collection: string): string {
  return `rm_${collection}`;
}

function specOfRecord(record: SpecRecord): CollectionSpec {
  return { name: record._id, indexes: record.indexes, textFields: record.textFields };
}

function bulkOperation(
  write: DocumentWrite,
  textFields: readonly string[],
): AnyBulkWriteOperation<StoredRecord> {
  if (write.document === null) return { deleteOne: { filter: { _id: write.id } } };
  return {
    replaceOne: {
      filter: { _id: write.id },
      replacement: {
        ...write.document,
        _position: { commit: write.position.commit, prepare: write.position.prepare },
        ...(textFields.length > 0 ? { [WORDS_FIELD]: wordsOf(write.document, textFields) } : {}),
      },
      upsert: true,
    },
  };
}

/** The document as it was written: without the store's own fields. */
function documentOf(record: MongoDocument): Document {
  const { _id, _position, [WORDS_FIELD]: _words, ...document } = record;
  return document;
}

/** The distinct words of a document's text fields, folded as the SQLite tokenizer folds them. */
function wordsOf(document: Document, textFields: readonly string[]): string[] {
  const words = new Set<string>();
  for (const field of textFields) {
    const value = readPath(document, field);
    const texts = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      if (typeof text === 'string') for (const word of foldedWords(text)) words.add(word);
    }
  }
  return [...words];
}

function foldedWords(text: string): string[] {
  return searchWords(text.normalize('NFD').replace(/\p{M}/gu, ''));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Drops a collection unless it is not there. Servers differ in how they say so (code 26, another
 * code, a message, or nothing at all), so what counts is whether the collection exists afterwards.
 */
async function dropIfPresent(db: Db, name: string): Promise<void> {
  try {
    await db.dropCollection(name);
  } catch (error) {
    const left = await db.listCollections({ name }, { nameOnly: true }).toArray();
    if (left.length > 0) throw error;
  }
}

/** The text index of earlier versions, if a database still has it: searches no longer read it. */
async function dropLegacyTextIndex(documents: Collection<StoredRecord>): Promise<void> {
  try {
    await documents.dropIndex(TEXT_INDEX);
  } catch (error) {
    // Absent (whatever the server answered, or a collection not made yet): nothing to drop.
    if (await documents.indexExists(TEXT_INDEX).catch(() => false)) throw error;
  }
}

function mergeIndexes(previous: readonly IndexSpec[], next: readonly IndexSpec[]): IndexSpec[] {
  const merged = new Map(previous.map((i) => [i.field, i]));
  for (const index of next) merged.set(index.field, index);
  return [...merged.values()];
}
