import type Database from 'better-sqlite3';
import type { HexHash } from './event-chain';

const MAX_STREAMS = 100_000;

/**
 * What this connection itself wrote to the chain, so that an append needs no query for the hash
 * its stream's next event chains to, and a digest needs no read-back of the hashes it signs.
 * Writes count once their savepoint is released; the writer connection's `PRAGMA data_version`
 * changes only when another connection commits, and then all of it is forgotten (checked inside
 * each write transaction, where no one else can commit).
 */
export class WrittenChain {
  /** Each stream's last revision and hash, as of the released savepoints. */
  private readonly heads = new Map<string, [revision: number, hash: HexHash]>();
  /** Hashes by position, of events not yet covered by a digest this connection knows of. */
  private readonly hashes = new Map<number, HexHash>();
  /** The writes of the open savepoint. */
  private readonly openHeads = new Map<string, [revision: number, hash: HexHash]>();
  private openHashes: [position: number, hash: HexHash][] = [];
  private readonly dataVersion: Database.Statement<[], number>;
  private seenVersion: number;

  constructor(db: Database.Database) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get() as number;
  }

  /** At the start of a write transaction: forgets everything when another connection wrote. */
  beginTransaction(): void {
    const version = this.dataVersion.get() as number;
    if (version !== this.seenVersion) {
      this.forget();
      this.seenVersion = version;
    }
  }

  /** The stream's last revision and hash when known here; undefined: ask the database. */
  head(stream: string): [revision: number, hash: HexHash] | undefined {
    return this.openHeads.get(stream) ?? this.heads.get(stream);
  }

  /** A head read from the database inside the write transaction: it holds until someone writes. */
  remember(stream: string, revision: number, hash: HexHash): void {
    if (this.heads.size >= MAX_STREAMS) this.heads.clear();
    this.heads.set(stream, [revision, hash]);
  }

  written(stream: string, revision: number, position: number, hash: HexHash): void {
    this.openHeads.set(stream, [revision, hash]);
    this.openHashes.push([position, hash]);
  }

  releaseSavepoint(): void {
    for (const [stream, head] of this.openHeads) this.remember(stream, head[0], head[1]);
    for (const [position, hash] of this.openHashes) this.hashes.set(position, hash);
    this.rollBackSavepoint();
  }

  rollBackSavepoint(): void {
    this.openHeads.clear();
    this.openHashes = [];
  }

  /** The hashes of the events after `from` up to `to`, in order; null when one is not known. */
  hashesBetween(from: number, to: number): HexHash[] | null {
    const found: HexHash[] = [];
    for (let position = from + 1; position <= to; position++) {
      const hash = this.hashes.get(position);
      if (hash === undefined) return null;
      found.push(hash);
    }
    return found;
  }

  /** Drops the hashes a digest now covers. */
  sealed(upTo: number): void {
    // Insertion order is position order: positions are handed out in increasing order.
    for (const position of this.hashes.keys()) {
      if (position > upTo) break;
      this.hashes.delete(position);
    }
  }

  /** After a failed transaction: nothing it wrote happened. */
  forget(): void {
    this.heads.clear();
    this.hashes.clear();
    this.rollBackSavepoint();
  }
}
