import Database from 'better-sqlite3';
import { SQL_CHAIN_BODY, type HexHash } from '../shared/eventstore/event-chain';
import type { LogDigest } from '../shared/eventstore/log-digest';
import type { ChainSource } from './chain-source';
import type { ChainRow } from './log-verifier';

/**
 * The embedded log read raw for verification: its own read-only connection, rows as arrays of
 * stored text (data never JSON-decoded), in large pages, all in one read transaction, so the
 * verifier sees one consistent snapshot while appends go on.
 */
export class SqliteChainSource implements ChainSource {
  readonly densePositions = true;
  private readonly db: Database.Database;
  private readonly page;

  /** `range`: only the events after `from` up to `to` (one worker's part of the log). */
  constructor(
    file: string,
    private readonly range: { readonly from: number; readonly to: number } = {
      from: Number.MIN_SAFE_INTEGER,
      to: Number.MAX_SAFE_INTEGER,
    },
  ) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 10000');
    const columns = (this.db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!columns.includes('hash')) {
      this.db.close();
      throw new Error(
        `${file} has no hash chain yet: open it once with this version (start the server) to chain it`,
      );
    }
    this.page = this.db
      .prepare<[number, number, number], ChainRow>(
        `SELECT position, stream, revision, ${SQL_CHAIN_BODY}, lower(hex(hash))
         FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      )
      .raw();
    // The snapshot starts with the first read and lasts until close.
    this.db.exec('BEGIN');
  }

  async count(): Promise<number> {
    return (
      (this.db
        .prepare('SELECT COUNT(*) FROM events WHERE position > ? AND position <= ?')
        .pluck()
        .get(this.range.from, this.range.to) as number) ?? 0
    );
  }

  /** The last position, in this source's snapshot. */
  head(): number {
    return (this.db.prepare('SELECT MAX(position) FROM events').pluck().get() as number) ?? 0;
  }

  async digests(): Promise<LogDigest[]> {
    const rows = this.db
      .prepare(
        `SELECT position, lower(hex(running_hash)), lower(hex(signature)), signed_at
         FROM audit_digests ORDER BY position`,
      )
      .raw()
      .all() as [number, HexHash, HexHash, string][];
    return rows.map(([position, runningHash, signature, signedAt]) => ({
      position,
      runningHash,
      signature,
      signedAt,
    }));
  }

  async *pages(pageSize: number): AsyncGenerator<readonly ChainRow[]> {
    let after = this.range.from;
    for (;;) {
      const rows = this.page.all(after, this.range.to, pageSize) as unknown as ChainRow[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1][0];
      yield rows;
    }
  }

  async close(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}
