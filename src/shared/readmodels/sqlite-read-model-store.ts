import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Position } from '../eventstore/event-envelope';
import {
  assertCollectionName,
  assertCollectionSpec,
  clampLimit,
  type Condition,
  decodeCursor,
  decodeOffsetCursor,
  encodeCursor,
  fieldKind,
  normalizeSort,
  normalizeWhere,
  readPath,
  searchWords,
  type SortKey,
} from './read-model-query';
import {
  type CollectionSpec,
  type Document,
  type DocumentWrite,
  type FacetCount,
  type FacetOptions,
  type FindOptions,
  type Page,
  ReadModelQueryError,
  type ReadModelStore,
  type SearchHit,
  type SearchOptions,
  type StoredDocument,
  type Where,
} from './read-model-store.port';

export interface SqliteReadModelStoreOptions {
  readonly file: string;
}

type SqlValue = string | number | null;

interface CollectionStatements {
  readonly collection: string;
  /** Single-valued indexed fields, in the order of their columns in `insert` and `current`. */
  readonly fields: readonly string[];
  /** Whether any index needs the stored values compared before a write. */
  readonly indexed: boolean;
  /** One statement for collections without indexes: no comparison to make. */
  readonly upsert: Database.Statement;
  readonly insert: Database.Statement;
  /** The row and the indexed values it was last written with: rid, fts_key, multi_key, fields. */
  readonly current: Database.Statement;
  /** UPDATE statements by the set of columns they change beyond the document. */
  readonly updates: Map<string, Database.Statement>;
  readonly textFields: readonly string[];
  readonly delete: Database.Statement;
  readonly ridOf: Database.Statement;
  readonly byId: Database.Statement;
  readonly byIds: Database.Statement;
  readonly ftsDelete?: Database.Statement;
  readonly ftsInsert?: Database.Statement;
  readonly multi: readonly {
    field: string;
    clear: Database.Statement;
    add: Database.Statement;
    remove: Database.Statement;
  }[];
}

const META_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rm__collections (name TEXT PRIMARY KEY, spec TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS rm__checkpoints (
    consumer TEXT PRIMARY KEY, pos_commit INTEGER NOT NULL, pos_prepare INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rm__meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
const STATEMENT_CACHE_SIZE = 500;

/**
 * The embedded read store: each collection is a table of JSON documents with expression indexes
 * on its declared fields, a side table per array field, and a contentless FTS5 table for text.
 * Read models can be rebuilt from the log, so commits are not fsynced one by one
 * (synchronous=NORMAL); documents and checkpoint share a transaction, so what survives a power
 * cut is always consistent, and the projection resumes from the checkpoint that survived.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly specs = new Map<string, CollectionSpec>();
  private readonly collectionStatements = new Map<string, CollectionStatements>();
  private readonly queryStatements = new Map<string, Database.Statement>();
  private readonly statements;
  private pending: { apply: () => void; resolve: () => void; reject: (error: unknown) => void }[] =
    [];

  constructor(options: SqliteReadModelStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -65536');
    this.db.exec(META_SCHEMA);
    this.statements = {
      specOf: this.db
        .prepare<[string], string>('SELECT spec FROM rm__collections WHERE name = ?')
        .pluck(),
      saveSpec: this.db.prepare(
        'INSERT INTO rm__collections (name, spec) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET spec = excluded.spec',
      ),
      dropSpec: this.db.prepare('DELETE FROM rm__collections WHERE name = ?'),
      listSpecs: this.db
        .prepare<[], string>('SELECT name FROM rm__collections ORDER BY name')
        .pluck(),
      checkpoint: this.db.prepare<[string], { pos_commit: number; pos_prepare: number }>(
        'SELECT pos_commit, pos_prepare FROM rm__checkpoints WHERE consumer = ?',
      ),
      saveCheckpoint: this.db.prepare(
        `INSERT INTO rm__checkpoints (consumer, pos_commit, pos_prepare, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(consumer) DO UPDATE SET pos_commit = excluded.pos_commit,
           pos_prepare = excluded.pos_prepare, updated_at = excluded.updated_at`,
      ),
      deleteCheckpoint: this.db.prepare('DELETE FROM rm__checkpoints WHERE consumer = ?'),
      meta: this.db.prepare<[string], string>('SELECT value FROM rm__meta WHERE key = ?').pluck(),
      saveMeta: this.db.prepare(
        'INSERT INTO rm__meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      ping: this.db.prepare('SELECT 1').pluck(),
      savepoint: this.db.prepare('SAVEPOINT batch'),
      release: this.db.prepare('RELEASE batch'),
      rollbackToSavepoint: this.db.prepare('ROLLBACK TO batch'),
    };
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertCollectionSpec(spec);
    const previous = this.loadSpec(spec.name);
    const table = docTable(spec.name);
    this.db.transaction(() => {
      // fts_key and multi_key hold the indexed values as last written: unchanged, they need no reindexing.
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL,
        pos_commit INTEGER NOT NULL, pos_prepare INTEGER NOT NULL, fts_key TEXT, multi_key TEXT)`);
      const existing = this.db
        .prepare(`SELECT name FROM pragma_table_info(?)`)
        .pluck()
        .all(`rm_${spec.name}`);
      for (const column of ['fts_key', 'multi_key']) {
        if (!existing.includes(column))
          this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
      }
      for (const index of spec.indexes ?? []) {
        if (index.multi) {
          const side = multiTable(spec.name, index.field);
          this.db.exec(`CREATE TABLE IF NOT EXISTS ${side} (
            value NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (value, rid)) WITHOUT ROWID`);
          this.db.exec(
            `CREATE INDEX IF NOT EXISTS ${quote(`${sideName(spec.name, index.field)}__rid`)} ON ${side} (rid)`,
          );
          if (!previous?.indexes?.some((i) => i.field === index.field && i.multi)) {
            this.db.exec(`INSERT OR IGNORE INTO ${side} (value, rid)
              SELECT j.value, t.rid FROM ${table} t, json_each(t.doc, '${jsonPath(index.field)}') j
              WHERE json_type(t.doc, '${jsonPath(index.field)}') = 'array' AND j.type IN ('text', 'integer', 'real', 'true', 'false')`);
          }
        } else {
          this.addFieldColumn(spec.name, index.field);
        }
      }
      const textFields = spec.textFields ?? [];
      if (!sameList(previous?.textFields ?? [], textFields))
        this.rebuildTextIndex(spec.name, textFields);
      const merged: CollectionSpec = {
        name: spec.name,
        indexes: mergeIndexes(previous?.indexes ?? [], spec.indexes ?? []),
        textFields,
      };
      this.statements.saveSpec.run(spec.name, JSON.stringify(merged));
      this.specs.set(spec.name, merged);
      this.forgetStatements(spec.name);
    })();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    const spec = this.loadSpec(name);
    this.db.transaction(() => {
      for (const index of spec?.indexes ?? []) {
        if (index.multi) this.db.exec(`DROP TABLE IF EXISTS ${multiTable(name, index.field)}`);
      }
      this.db.exec(`DROP TABLE IF EXISTS ${ftsTable(name)}`);
      this.db.exec(`DROP TABLE IF EXISTS ${docTable(name)}`);
      this.statements.dropSpec.run(name);
    })();
    this.specs.delete(name);
    this.forgetStatements(name);
  }

  async listCollections(): Promise<string[]> {
    return this.statements.listSpecs.all() as string[];
  }

  /**
   * Batches of consumers that arrive in the same turn of the event loop share one transaction,
   * each in its own savepoint: a dozen projections following the log commit once, not a dozen times.
   */
  applyBatch(
    consumer: string,
    writes: readonly DocumentWrite[],
    checkpoint: Position,
  ): Promise<void> {
    try {
      const encoded = writes.map((w) => ({
        write: w,
        statements: this.statementsFor(w.collection),
        json: w.document === null ? null : JSON.stringify(w.document),
      }));
      return new Promise((resolve, reject) => {
        this.pending.push({
          apply: () => {
            for (const { write, statements, json } of encoded) {
              if (json === null) this.deleteDocument(statements, write.id);
              else this.upsertDocument(write, statements, json);
            }
            this.statements.saveCheckpoint.run(
              consumer,
              checkpoint.commit,
              checkpoint.prepare,
              new Date().toISOString(),
            );
          },
          resolve,
          reject,
        });
        if (this.pending.length === 1) setImmediate(this.flush);
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private readonly flush = (): void => {
    const batches = this.pending;
    this.pending = [];
    const failures = new Map<number, unknown>();
    try {
      this.db.transaction(() => {
        batches.forEach((batch, i) => {
          this.statements.savepoint.run();
          try {
            batch.apply();
            this.statements.release.run();
          } catch (error) {
            this.statements.rollbackToSavepoint.run();
            this.statements.release.run();
            failures.set(i, error);
          }
        });
      })();
    } catch (error) {
      for (const batch of batches) batch.reject(error);
      return;
    }
    batches.forEach((batch, i) =>
      failures.has(i) ? batch.reject(failures.get(i)) : batch.resolve(),
    );
  };

  async getCheckpoint(consumer: string): Promise<Position | null> {
    const row = this.statements.checkpoint.get(consumer);
    return row ? { commit: row.pos_commit, prepare: row.pos_prepare } : null;
  }

  async deleteCheckpoint(consumer: string): Promise<void> {
    this.statements.deleteCheckpoint.run(consumer);
  }

  async loadForUpdate(
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument>> {
    const found = new Map<string, StoredDocument>();
    if (ids.length === 0) return found;
    const rows = this.statementsFor(collection).byIds.all(JSON.stringify(ids)) as {
      id: string;
      doc: string;
      pos_commit: number;
      pos_prepare: number;
    }[];
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        document: JSON.parse(row.doc),
        position: { commit: row.pos_commit, prepare: row.pos_prepare },
      });
    }
    return found;
  }

  async findById<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    const json = this.statementsFor(collection).byId.get(id) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as T);
  }

  async find<T extends Document = Document>(
    collection: string,
    options: FindOptions = {},
  ): Promise<Page<T>> {
    const spec = this.specOf(collection);
    const conditions = normalizeWhere(spec, options.where);
    const sort = normalizeSort(spec, options.sort);
    const limit = clampLimit(options.limit);
    const filter = whereSql(collection, conditions);
    if (options.cursor) {
      const after = keysetSql(sort, decodeCursor(options.cursor, sort.length));
      filter.clauses.push(after.sql);
      filter.params.push(...after.params);
    }
    const order = sort
      .map((k) => `${keyExpression(k.field)} ${k.direction.toUpperCase()}`)
      .join(', ');
    const sql = `SELECT id, doc FROM ${docTable(collection)} ${whereClause(filter.clauses)} ORDER BY ${order} LIMIT ?`;
    const rows = this.query(sql).all(...filter.params, limit + 1) as { id: string; doc: string }[];
    const page = rows.slice(0, limit);
    const items = page.map((row) => JSON.parse(row.doc) as T);
    const last =
      page.length > 0 ? { id: page[page.length - 1].id, document: items[items.length - 1] } : null;
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor(
            sort.map((k) =>
              k.field === 'id' ? last.id : cursorValue(readPath(last.document, k.field)),
            ),
          )
        : null;
    return { items, nextCursor };
  }

  async count(collection: string, where?: Where): Promise<number> {
    const filter = whereSql(collection, normalizeWhere(this.specOf(collection), where));
    const sql = `SELECT count(*) FROM ${docTable(collection)} ${whereClause(filter.clauses)}`;
    return this.query(sql)
      .pluck()
      .get(...filter.params) as number;
  }

  async search<T extends Document = Document>(
    collection: string,
    text: string,
    options: SearchOptions = {},
  ): Promise<Page<SearchHit<T>>> {
    const spec = this.specOf(collection);
    const match = this.matchOf(spec, text, options.prefix);
    if (match === null) return { items: [], nextCursor: null };
    const limit = clampLimit(options.limit);
    const offset = decodeOffsetCursor(options.cursor);
    const filter = whereSql(collection, normalizeWhere(spec, options.where), 't');
    filter.clauses.unshift(`${ftsTable(collection)} MATCH ?`);
    const sql = `SELECT t.doc AS doc, -bm25(${ftsTable(collection)}) AS score
      FROM ${ftsTable(collection)} JOIN ${docTable(collection)} t ON t.rid = ${ftsTable(collection)}.rowid
      ${whereClause(filter.clauses)} ORDER BY score DESC, t.id LIMIT ? OFFSET ?`;
    const rows = this.query(sql).all(match, ...filter.params, limit + 1, offset) as {
      doc: string;
      score: number;
    }[];
    return {
      items: rows
        .slice(0, limit)
        .map((r) => ({ document: JSON.parse(r.doc) as T, score: r.score })),
      nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }

  async facets(
    collection: string,
    fields: readonly string[],
    options: FacetOptions = {},
  ): Promise<Record<string, FacetCount[]>> {
    const spec = this.specOf(collection);
    const match =
      options.text === undefined ? undefined : this.matchOf(spec, options.text, options.prefix);
    const filter = whereSql(collection, normalizeWhere(spec, options.where), 't');
    const from =
      match === undefined
        ? `${docTable(collection)} t`
        : `${ftsTable(collection)} JOIN ${docTable(collection)} t ON t.rid = ${ftsTable(collection)}.rowid`;
    if (match !== undefined && match !== null)
      filter.clauses.unshift(`${ftsTable(collection)} MATCH ?`);
    const params = match ? [match, ...filter.params] : filter.params;
    const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
    const counts: Record<string, FacetCount[]> = {};
    for (const field of fields) {
      if (fieldKind(spec, field) !== 'single') {
        throw new ReadModelQueryError(
          `${field} is not an indexed single-valued field of ${spec.name}`,
        );
      }
      if (match === null) {
        counts[field] = [];
        continue;
      }
      const column = `t.${quote(fieldColumn(field))}`;
      const clauses = [...filter.clauses, `${column} IS NOT NULL`];
      const sql = `SELECT ${column} AS value, count(*) AS count FROM ${from}
        ${whereClause(clauses)} GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`;
      counts[field] = this.query(sql).all(...params, limit) as FacetCount[];
    }
    return counts;
  }

  /**
   * The FTS5 query for some text: every word required, quoted; null when there is no word. A word
   * begun also matches whole, so a document holding it whole scores higher (as on MongoDB).
   */
  private matchOf(spec: CollectionSpec, text: string, prefix = false): string | null {
    if (!spec.textFields?.length) {
      throw new ReadModelQueryError(`${spec.name} declares no text fields to search`);
    }
    const words = searchWords(text);
    if (words.length === 0) return null;
    if (!prefix) return words.map((w) => `"${w}"`).join(' ');
    return words.map((w) => `("${w}" OR "${w}"*)`).join(' AND ');
  }

  async getMeta<T>(key: string): Promise<T | null> {
    const json = this.statements.meta.get(key) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as T);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.statements.saveMeta.run(key, JSON.stringify(value));
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (this.pending.length > 0) this.flush();
    this.db.close();
  }

  /**
   * An indexed field lives in a column of its own, filled from the document on every write, so
   * that neither writes nor queries parse JSON inside SQLite.
   */
  private addFieldColumn(collection: string, field: string): void {
    const table = docTable(collection);
    const column = fieldColumn(field);
    const columns = this.db
      .prepare(`SELECT name FROM pragma_table_info(?)`)
      .pluck()
      .all(`rm_${collection}`);
    if (!columns.includes(column)) {
      this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${quote(column)}`);
      const path = `'$.${field}'`;
      this.db.exec(`UPDATE ${table} SET ${quote(column)} =
        CASE json_type(doc, ${path}) WHEN 'object' THEN NULL WHEN 'array' THEN NULL ELSE json_extract(doc, ${path}) END`);
    }
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${quote(`rm_${collection}__i_${safe(field)}`)} ON ${table} (${quote(column)})`,
    );
  }

  /**
   * Writes a document, touching only the index entries whose values changed: an order's status
   * moves on most events, its customer, number and search text almost never, and rewriting an
   * unchanged index entry costs as much as a changed one.
   */
  private upsertDocument(write: DocumentWrite, s: CollectionStatements, json: string): void {
    const document = write.document!;
    const fields = s.fields.map((field) => toSql(readPath(document, field)));
    const position = [write.position.commit, write.position.prepare];
    if (!s.indexed) {
      s.upsert.run(write.id, json, ...position);
      return;
    }
    const text = s.textFields.map((f) => textOf(readPath(document, f)));
    const ftsKey = s.ftsInsert ? JSON.stringify(text) : null;
    const multi = s.multi.map((side) => distinctValues(readPath(document, side.field)));
    const multiKey = s.multi.length > 0 ? JSON.stringify(multi) : null;
    const before = s.current.get(write.id) as SqlValue[] | undefined;
    if (!before) {
      const rid = Number(
        s.insert.run(write.id, json, ...position, ftsKey, multiKey, ...fields).lastInsertRowid,
      );
      if (s.ftsInsert) s.ftsInsert.run(rid, ...text);
      s.multi.forEach((side, i) => multi[i].forEach((value) => side.add.run(value, rid)));
      return;
    }
    const [rid, ftsBefore, multiBefore] = before as [number, string | null, string | null];
    const changed = fields.flatMap((value, i) => (value === before[3 + i] ? [] : [i]));
    const ftsChanged = ftsKey !== ftsBefore;
    const multiChanged = multiKey !== multiBefore;
    this.updateFor(s, changed, ftsChanged, multiChanged).run(
      json,
      ...position,
      ...changed.map((i) => fields[i]),
      ...(ftsChanged ? [ftsKey] : []),
      ...(multiChanged ? [multiKey] : []),
      rid,
    );
    if (ftsChanged && s.ftsInsert && s.ftsDelete) {
      s.ftsDelete.run(rid);
      s.ftsInsert.run(rid, ...text);
    }
    if (!multiChanged) return;
    const previous = multiBefore ? (JSON.parse(multiBefore) as unknown[]) : [];
    s.multi.forEach((side, i) => {
      const known = previous[i];
      // A field indexed since the row was written: its side rows are rebuilt whole.
      if (!Array.isArray(known)) {
        side.clear.run(rid);
        for (const value of multi[i]) side.add.run(value, rid);
        return;
      }
      const was = new Set(known as SqlValue[]);
      const now = new Set(multi[i]);
      for (const value of was) if (!now.has(value)) side.remove.run(value, rid);
      for (const value of now) if (!was.has(value)) side.add.run(value, rid);
    });
  }

  private updateFor(
    s: CollectionStatements,
    changed: readonly number[],
    fts: boolean,
    multi: boolean,
  ): Database.Statement {
    const key = `${changed.join(',')}|${fts ? 1 : 0}${multi ? 1 : 0}`;
    let statement = s.updates.get(key);
    if (!statement) {
      const columns = [
        'doc',
        'pos_commit',
        'pos_prepare',
        ...changed.map((i) => quote(fieldColumn(s.fields[i]))),
        ...(fts ? ['fts_key'] : []),
        ...(multi ? ['multi_key'] : []),
      ];
      statement = this.db.prepare(
        `UPDATE ${docTable(s.collection)} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE rid = ?`,
      );
      s.updates.set(key, statement);
    }
    return statement;
  }

  private deleteDocument(s: CollectionStatements, id: string): void {
    const rid = s.ridOf.get(id) as number | undefined;
    if (rid === undefined) return;
    s.ftsDelete?.run(rid);
    for (const side of s.multi) side.clear.run(rid);
    s.delete.run(rid);
  }

  private rebuildTextIndex(collection: string, textFields: readonly string[]): void {
    this.db.exec(`DROP TABLE IF EXISTS ${ftsTable(collection)}`);
    this.db.exec(`UPDATE ${docTable(collection)} SET fts_key = NULL`);
    if (textFields.length === 0) return;
    const columns = textFields.map((_, i) => `t${i}`).join(', ');
    this.db.exec(`CREATE VIRTUAL TABLE ${ftsTable(collection)} USING fts5(${columns},
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3')`);
    const insert = this.db.prepare(
      `INSERT INTO ${ftsTable(collection)} (rowid, ${columns}) VALUES (?, ${textFields.map(() => '?').join(', ')})`,
    );
    for (const row of this.db
      .prepare(`SELECT rid, doc FROM ${docTable(collection)}`)
      .iterate() as Iterable<{
      rid: number;
      doc: string;
    }>) {
      const document = JSON.parse(row.doc) as Document;
      insert.run(row.rid, ...textFields.map((f) => textOf(readPath(document, f))));
    }
  }

  private statementsFor(collection: string): CollectionStatements {
    const cached = this.collectionStatements.get(collection);
    if (cached) return cached;
    const spec = this.specOf(collection);
    const table = docTable(collection);
    const textFields = spec.textFields ?? [];
    const fields = (spec.indexes ?? []).filter((i) => !i.multi).map((i) => i.field);
    const columns = fields.map((f) => quote(fieldColumn(f)));
    const multi = (spec.indexes ?? []).filter((i) => i.multi).map((i) => i.field);
    const statements: CollectionStatements = {
      collection,
      fields,
      indexed: fields.length > 0 || textFields.length > 0 || multi.length > 0,
      upsert: this.db.prepare(
        `INSERT INTO ${table} (id, doc, pos_commit, pos_prepare) VALUES (?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, pos_commit = excluded.pos_commit,
             pos_prepare = excluded.pos_prepare`,
      ),
      insert: this.db.prepare(
        `INSERT INTO ${table} (id, doc, pos_commit, pos_prepare, fts_key, multi_key${columns.map((c) => `, ${c}`).join('')})
           VALUES (?, ?, ?, ?, ?, ?${columns.map(() => ', ?').join('')})`,
      ),
      current: this.db
        .prepare(
          `SELECT rid, fts_key, multi_key${columns.map((c) => `, ${c}`).join('')} FROM ${table} WHERE id = ?`,
        )
        .raw(),
      updates: new Map(),
      textFields,
      delete: this.db.prepare(`DELETE FROM ${table} WHERE rid = ?`),
      ridOf: this.db.prepare(`SELECT rid FROM ${table} WHERE id = ?`).pluck(),
      byId: this.db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).pluck(),
      byIds: this.db.prepare(
        `SELECT id, doc, pos_commit, pos_prepare FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      ftsDelete:
        textFields.length > 0
          ? this.db.prepare(`DELETE FROM ${ftsTable(collection)} WHERE rowid = ?`)
          : undefined,
      ftsInsert:
        textFields.length > 0
          ? this.db.prepare(
              `INSERT INTO ${ftsTable(collection)} (rowid, ${textFields.map((_, i) => `t${i}`).join(', ')})
               VALUES (?, ${textFields.map(() => '?').join(', ')})`,
            )
          : undefined,
      multi: multi.map((field) => {
        const side = multiTable(collection, field);
        return {
          field,
          clear: this.db.prepare(`DELETE FROM ${side} WHERE rid = ?`),
          add: this.db.prepare(`INSERT OR IGNORE INTO ${side} (value, rid) VALUES (?, ?)`),
          remove: this.db.prepare(`DELETE FROM ${side} WHERE value = ? AND rid = ?`),
        };
      }),
    };
    this.collectionStatements.set(collection, statements);
    return statements;
  }

  private specOf(collection: string): CollectionSpec {
    const spec = this.loadSpec(collection);
    if (!spec) throw new ReadModelQueryError(`collection ${collection} does not exist`);
    return spec;
  }

  private loadSpec(collection: string): CollectionSpec | null {
    assertCollectionName(collection);
    const known = this.specs.get(collection);
    if (known) return known;
    const json = this.statements.specOf.get(collection) as string | undefined;
    if (json === undefined) return null;
    const spec = JSON.parse(json) as CollectionSpec;
    this.specs.set(collection, spec);
    return spec;
  }

  /** Prepared statements for generated SQL, kept while they are in use. */
  private query(sql: string): Database.Statement {
    let statement = this.queryStatements.get(sql);
    if (!statement) {
      if (this.queryStatements.size >= STATEMENT_CACHE_SIZE) this.queryStatements.clear();
      statement = this.db.prepare(sql);
      this.queryStatements.set(sql, statement);
    }
    return statement;
  }

  private forgetStatements(collection: string): void {
    this.collectionStatements.delete(collection);
    this.queryStatements.clear();
  }
}

function quote(identifier: string): string {
  return `"${identifier}"`;
}

function safe(field: string): string {
  return field.replace(/\./g, '__');
}

function docTable(collection: string): string {
  return quote(`rm_${collection}`);
}

function ftsTable(collection: string): string {
  return quote(`rm_${collection}__fts`);
}

function sideName(collection: string, field: string): string {
  return `rm_${collection}__m_${safe(field)}`;
}

function multiTable(collection: string, field: string): string {
  return quote(sideName(collection, field));
}

function jsonPath(field: string): string {
  return `$.${field}`;
}

function fieldColumn(field: string): string {
  return `f_${safe(field)}`;
}

function fieldExpression(field: string, alias?: string): string {
  return `${alias ? `${alias}.` : ''}${quote(fieldColumn(field))}`;
}

function keyExpression(field: string, alias?: string): string {
  return field === 'id' ? `${alias ? `${alias}.` : ''}id` : fieldExpression(field, alias);
}

/** SQLite's JSON functions give booleans as 1 and 0; compare in the same terms. */
function toSql(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return null;
}

function cursorValue(value: unknown): SqlValue {
  return toSql(value);
}

/** An array field's distinct scalar values, as its side table holds them. */
function distinctValues(value: unknown): SqlValue[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map(toSql).filter((v) => v !== null))];
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
  return '';
}

function whereClause(clauses: readonly string[]): string {
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

const COMPARATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function whereSql(collection: string, conditions: readonly Condition[], alias?: string) {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const rid = alias ? `${alias}.rid` : 'rid';
  for (const c of conditions) {
    const values = (c.op === 'in' ? (c.value as SqlValue[]) : [c.value]).map(toSql);
    let test: string;
    if (c.op === 'eq' || c.op === 'in') {
      const nonNull = values.filter((v) => v !== null);
      const parts: string[] = [];
      if (nonNull.length > 0) parts.push(`IN (${nonNull.map(() => '?').join(', ')})`);
      if (c.multi) {
        test =
          nonNull.length > 0
            ? `${rid} IN (SELECT rid FROM ${multiTable(collection, c.field)} WHERE value ${parts[0]})`
            : '0';
        params.push(...nonNull);
      } else {
        const expression = keyExpression(c.field, alias);
        const ors = [
          ...(nonNull.length > 0 ? [`${expression} ${parts[0]}`] : []),
          ...(values.length > nonNull.length ? [`${expression} IS NULL`] : []),
        ];
        test = ors.length > 0 ? `(${ors.join(' OR ')})` : '0';
        params.push(...nonNull);
      }
    } else {
      const op = COMPARATORS[c.op];
      test = c.multi
        ? `${rid} IN (SELECT rid FROM ${multiTable(collection, c.field)} WHERE value ${op} ?)`
        : `${keyExpression(c.field, alias)} ${op} ?`;
      params.push(values[0]);
    }
    clauses.push(test);
  }
  return { clauses, params };
}

/**
 * Rows strictly after the cursor in the sort order. SQLite sorts NULL first ascending and last
 * descending; each key's "after" respects that, so documents missing a sort field are neither
 * skipped nor repeated.
 */
function keysetSql(sort: readonly SortKey[], values: readonly unknown[]) {
  const alternatives: string[] = [];
  const params: SqlValue[] = [];
  sort.forEach((key, i) => {
    const parts: string[] = [];
    const partParams: SqlValue[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(`${keyExpression(sort[j].field)} IS ?`);
      partParams.push(values[j] as SqlValue);
    }
    const expression = keyExpression(key.field);
    const value = values[i] as SqlValue;
    if (key.direction === 'asc') {
      parts.push(value === null ? `${expression} IS NOT NULL` : `${expression} > ?`);
      if (value !== null) partParams.push(value);
    } else {
      if (value === null) return;
      parts.push(`(${expression} < ? OR ${expression} IS NULL)`);
      partParams.push(value);
    }
    alternatives.push(`(${parts.join(' AND ')})`);
    params.push(...partParams);
  });
  return { sql: alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : '0', params };
}

function mergeIndexes(
  previous: NonNullable<CollectionSpec['indexes']>,
  next: NonNullable<CollectionSpec['indexes']>,
): CollectionSpec['indexes'] {
  const merged = new Map(previous.map((i) => [i.field, i]));
  for (const index of next) merged.set(index.field, index);
  return [...merged.values()];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
