import Database from 'better-sqlite3';

/** A row as the fast readers take it: the data still JSON text, parsed only by who needs it. */
export interface RawLogRow {
  readonly position: number;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

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

  /** How many events the query will deliver: the denominator of a progress bar. */
  count(query: RawLogQuery): number {
    const { sql, params } = where(query);
    return this.db.prepare(`SELECT count(*) FROM events WHERE ${sql}`).pluck().get(...params) as number;
  }

  /** The matching events in log order, a page at a time. */
  *rows(query: RawLogQuery): Generator<RawLogRow[]> {
    const { sql, params } = where(query);
    const page = this.db
      .prepare(
        `SELECT position, event_id, type, data, occurred_at, recorded_at FROM events
         WHERE position > ? AND ${sql} ORDER BY position LIMIT ?`,
      )
      .raw();
    const size = query.pageSize ?? 20_000;
    let after = -1;
    for (;;) {
      const rows = page.all(after, ...params, size) as [number, string, string, string, string, string][];
      if (rows.length === 0) return;
      after = rows[rows.length - 1][0];
      yield rows.map(([position, id, type, data, occurredAt, recordedAt]) => ({
        position,
        id,
        type,
        data,
        occurredAt,
        recordedAt,
      }));
      if (rows.length < size) return;
    }
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
