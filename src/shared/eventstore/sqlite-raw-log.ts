import Database from 'better-sqlite3';

/** A row as the fast readers take it: the data still JSON text, parsed only by who needs it. */
export type RawLogRow = readonly [
  position: number,
  id: string,
  type: string,
  data: string,
  occurredAt: string,
  recordedAt: string,
];

export interface RawLogQuery {
  /** Only these event types, filtered in SQL so that the rest is never decoded. */
  readonly types: readonly string[];
  /** Only events recorded at or before this instant (ISO-8601). */
  readonly recordedAtOrBefore?: string | null;
  readonly pageSize?: number;
}

/**
 * Large sequential reads of the embedded log for whole-log folds (accounting replay, audits):
 * a read-only connection of its own, rows as arrays, pages by position. It never writes.
 */
export class SqliteRawLog {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 10000');
  }

  /** The last position in the log (0 when empty): progress is measured against it, cheaply. */
  lastPosition(): number {
    return (
      (this.db.prepare('SELECT max(position) FROM events').pluck().get() as number | null) ?? 0
    );
  }

  /**
   * The matching events in log order, in pages. One statement iterated to the end: small pages
   * of one cursor read several times faster than large LIMIT queries, whose arrays of big strings
   * outlive the young generation.
   */
  *rows(query: RawLogQuery): Generator<RawLogRow[]> {
    const { sql, params } = where(query);
    const statement = this.db
      .prepare(
        `SELECT position, event_id, type, data, occurred_at, recorded_at FROM events
         WHERE ${sql} ORDER BY position`,
      )
      .raw();
    const size = query.pageSize ?? 2000;
    let page: RawLogRow[] = [];
    for (const row of statement.iterate(...params) as Iterable<RawLogRow>) {
      page.push(row);
      if (page.length === size) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  close(): void {
    this.db.close();
  }
}

function where(query: RawLogQuery): { sql: string; params: string[] } {
  const params = [...query.types];
  let sql = `type IN (${query.types.map(() => '?').join(', ')})`;
  if (query.recordedAtOrBefore) {
    sql += ' AND recorded_at <= ?';
    params.push(query.recordedAtOrBefore);
  }
  return { sql, params };
}
