import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChangeKind, ReviewKind, StagedChange } from './import-review';
import type { ImportStaging, StagedRow } from './import-staging.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS staged_rows (
    import_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    cost_changed INTEGER NOT NULL,
    price_changed INTEGER NOT NULL,
    details_changed INTEGER NOT NULL,
    vendor_sku TEXT,
    change TEXT NOT NULL,
    PRIMARY KEY (import_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS staged_rows_by_kind ON staged_rows (import_id, kind, seq);
  CREATE TABLE IF NOT EXISTS applying (import_id TEXT PRIMARY KEY);
`;

/** Which staged rows a review kind names. */
const KIND_FILTER: Record<ReviewKind, string> = {
  new: `kind = 'new'`,
  cost: `cost_changed = 1`,
  price: `price_changed = 1`,
  details: `details_changed = 1`,
  missing: `kind = 'missing'`,
  unchanged: `kind = 'unchanged'`,
  invalid: `kind = 'invalid'`,
};

/**
 * Import staging in a working file beside the embedded stores (DATA_DIR/catalog-imports.sqlite).
 * Writes are fsynced before the review is acknowledged, so a reviewed import can still be
 * applied after a crash.
 */
export class SqliteImportStaging implements ImportStaging {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT OR REPLACE INTO staged_rows
        (import_id, seq, kind, cost_changed, price_changed, details_changed, vendor_sku, change)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** One transaction per batch. */
  async stage(importId: string, rows: readonly StagedRow[]): Promise<void> {
    this.db.transaction(() => {
      for (const { seq, change } of rows) {
        this.insert.run(
          importId,
          seq,
          change.kind,
          change.cost ? 1 : 0,
          change.retailPrice ? 1 : 0,
          change.details ? 1 : 0,
          change.vendorSku,
          JSON.stringify(change),
        );
      }
    })();
  }

  async clear(importId: string): Promise<void> {
    this.db.prepare('DELETE FROM staged_rows WHERE import_id = ?').run(importId);
  }

  async rows(
    importId: string,
    kinds: readonly ReviewKind[],
    afterSeq: number,
    limit: number,
  ): Promise<StagedRow[]> {
    if (kinds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT seq, change FROM staged_rows WHERE import_id = ? AND (${whereKinds(kinds)})
         AND seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(importId, afterSeq, limit) as { seq: number; change: string }[];
    return rows.map((row) => ({ seq: row.seq, change: JSON.parse(row.change) as StagedChange }));
  }

  async countSelected(importId: string, kinds: readonly ChangeKind[]): Promise<number> {
    if (kinds.length === 0) return 0;
    return this.db
      .prepare(`SELECT count(*) FROM staged_rows WHERE import_id = ? AND (${whereKinds(kinds)})`)
      .pluck()
      .get(importId) as number;
  }

  async markApplying(importId: string, applying: boolean): Promise<void> {
    if (applying) this.db.prepare('INSERT OR IGNORE INTO applying VALUES (?)').run(importId);
    else this.db.prepare('DELETE FROM applying WHERE import_id = ?').run(importId);
  }

  async applyingImports(): Promise<string[]> {
    return this.db.prepare('SELECT import_id FROM applying').pluck().all() as string[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function whereKinds(kinds: readonly ReviewKind[]): string {
  return kinds.map((kind) => KIND_FILTER[kind]).join(' OR ');
}
