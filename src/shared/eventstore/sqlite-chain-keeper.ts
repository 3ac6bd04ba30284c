import type Database from 'better-sqlite3';
import { ChainHasher, GENESIS_HASH, SQL_CHAIN_BODY, type HexHash } from './event-chain';
import { RunningHash, signDigest, type LogDigest } from './log-digest';
import { WrittenChain } from './written-chain';

export interface ChainKeeperOptions {
  /** The key digests are signed with; read only when a digest is made. */
  readonly signingKey: () => string;
  /** A digest is made each time the log reaches a multiple of this many events. */
  readonly digestEvery: number;
}

const DIGESTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_digests (
    position     INTEGER PRIMARY KEY,
    running_hash BLOB NOT NULL,
    signature    BLOB NOT NULL,
    signed_at    TEXT NOT NULL
  );
`;
const MIGRATION_PAGE = 10_000;

/**
 * The embedded store's tamper evidence: the `hash` column of each event (chained per stream,
 * computed inside the append's transaction) and the signed digests of the global log in
 * `audit_digests`. A store created before the chain existed is migrated once, on open: its
 * events are hashed in log order and the digests they reach are signed then.
 */
export class SqliteChainKeeper {
  readonly hasher = new ChainHasher();
  /** What this connection wrote: the appends' and the digests' reads it saves. */
  readonly written: WrittenChain;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private signingKey: string | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly options: ChainKeeperOptions,
  ) {
    db.exec(DIGESTS_SCHEMA);
    this.written = new WrittenChain(db);
    // Under the write lock: another process opening the same file migrates it or waits.
    db.exec('BEGIN IMMEDIATE');
    try {
      const columns = db.prepare('PRAGMA table_info(events)').all() as { name: string }[];
      const migrating = !columns.some((column) => column.name === 'hash');
      if (migrating) db.exec('ALTER TABLE events ADD COLUMN hash BLOB');
      this.statements = prepareStatements(db);
      if (migrating) this.chainExistingEvents();
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  /** The stream's last revision and the hash the next event chains to; undefined: no stream. */
  lastOfStream(stream: string): { revision: number; hash: HexHash } | undefined {
    const known = this.written.head(stream);
    if (known) return { revision: known[0], hash: known[1] };
    const row = this.statements.lastOfStream.get(stream);
    if (!row) return undefined;
    const hash = row[1] || GENESIS_HASH;
    this.written.remember(stream, row[0], hash);
    return { revision: row[0], hash };
  }

  /**
   * Inside the append's transaction: signs a digest at each multiple of `digestEvery` the log
   * now reaches, so a digest is durable exactly when the events it covers are.
   */
  sealReachedBoundaries(head: number): void {
    const every = this.options.digestEvery;
    if (head < every) return;
    const last = this.statements.lastDigest.get();
    let from = last?.[0] ?? 0;
    let running = last?.[1] ?? GENESIS_HASH;
    this.written.sealed(from);
    for (let boundary = (Math.floor(from / every) + 1) * every; boundary <= head;) {
      running = this.seal(from, boundary, running);
      from = boundary;
      boundary += every;
    }
  }

  /** A digest at the head of the log now (on demand); null when the head is already signed. */
  sealHead(): LogDigest | null {
    return this.db
      .transaction((): LogDigest | null => {
        this.written.beginTransaction();
        const head = this.statements.head.get() ?? 0;
        this.sealReachedBoundaries(head);
        const last = this.statements.lastDigest.get();
        const from = last?.[0] ?? 0;
        if (head <= from) return null;
        this.seal(from, head, last?.[1] ?? GENESIS_HASH);
        return this.digests().at(-1) ?? null;
      })
      .immediate();
  }

  digests(): LogDigest[] {
    return this.statements.digests.all().map(([position, runningHash, signature, signedAt]) => ({
      position,
      runningHash,
      signature,
      signedAt,
    }));
  }

  private seal(from: number, to: number, previous: HexHash): HexHash {
    const running = new RunningHash(previous);
    const written = this.written.hashesBetween(from, to);
    if (written) for (const hash of written) running.add(hash);
    else {
      // A row written around the store may lack a hash: sign what is there, the verifier says so.
      for (const hash of this.statements.hashesBetween.iterate(from, to)) {
        running.add(hash || GENESIS_HASH);
      }
    }
    const closed = running.close();
    // The key cannot change while the store is open: read (or made) once.
    this.signingKey ??= this.options.signingKey();
    this.statements.insertDigest.run(
      to,
      Buffer.from(closed, 'hex'),
      Buffer.from(signDigest(this.signingKey, to, closed), 'hex'),
      new Date().toISOString(),
    );
    this.written.sealed(to);
    return closed;
  }

  /** Hashes the events stored before the chain existed, in log order, and signs their digests. */
  private chainExistingEvents(): void {
    const page = this.db
      .prepare<[number, number], [number, string, number, string]>(
        `SELECT position, stream, revision, ${SQL_CHAIN_BODY}
         FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw();
    const update = this.db.prepare('UPDATE events SET hash = ? WHERE position = ?');
    const heads = new Map<string, HexHash>();
    let after = 0;
    for (;;) {
      const rows = page.all(after, MIGRATION_PAGE) as [number, string, number, string][];
      if (rows.length === 0) break;
      for (const [position, stream, revision, body] of rows) {
        const hash = this.hasher.hashBody(
          stream,
          revision,
          body,
          heads.get(stream) ?? GENESIS_HASH,
        );
        heads.set(stream, hash);
        update.run(Buffer.from(hash, 'hex'), position);
      }
      after = rows[rows.length - 1][0];
    }
    this.sealReachedBoundaries(after);
  }
}

function prepareStatements(db: Database.Database) {
  return {
    lastOfStream: db
      .prepare<[string], [number, HexHash | null]>(
        `SELECT revision, lower(hex(hash)) FROM events WHERE stream = ?
         ORDER BY revision DESC LIMIT 1`,
      )
      .raw(),
    lastDigest: db
      .prepare<[], [number, HexHash]>(
        `SELECT position, lower(hex(running_hash)) FROM audit_digests
         ORDER BY position DESC LIMIT 1`,
      )
      .raw(),
    hashesBetween: db
      .prepare<[number, number], HexHash | null>(
        `SELECT lower(hex(hash)) FROM events WHERE position > ? AND position <= ?
         ORDER BY position`,
      )
      .pluck(),
    head: db.prepare<[], number | null>('SELECT MAX(position) FROM events').pluck(),
    insertDigest: db.prepare(
      `INSERT INTO audit_digests (position, running_hash, signature, signed_at)
       VALUES (?, ?, ?, ?)`,
    ),
    digests: db
      .prepare<[], [number, HexHash, HexHash, string]>(
        `SELECT position, lower(hex(running_hash)), lower(hex(signature)), signed_at
         FROM audit_digests ORDER BY position`,
      )
      .raw(),
  };
}
