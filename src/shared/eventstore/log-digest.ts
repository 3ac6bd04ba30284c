import { createHash, createHmac, timingSafeEqual, type Hash } from 'node:crypto';
import { GENESIS_HASH, HASH_BYTES, type HexHash } from './event-chain';

/**
 * Signed digests of the global log. The running hash at a digest's position P is
 * SHA-256(running hash at the previous digest || the chain hash of every event after it up to P),
 * starting from 32 zero bytes: it covers every event, in log order, up to P. The digest signs
 * (P, running hash) with HMAC-SHA256 under a key only the server holds, so whoever edits the file
 * can neither re-sign nor move a digest.
 */
export interface LogDigest {
  /** The global position (the embedded store's dense sequence) the digest covers up to. */
  readonly position: number;
  readonly runningHash: HexHash;
  readonly signature: HexHash;
  readonly signedAt: string;
}

export const INITIAL_RUNNING_HASH: HexHash = GENESIS_HASH;
const BATCH = 4096;

/** Folds event hashes, in log order, into the running hash of the next digest. */
export class RunningHash {
  private segment!: Hash;
  /** Hashes not yet fed: one update per batch rather than one per event. */
  private pending: HexHash[] = [];

  constructor(start: HexHash = INITIAL_RUNNING_HASH) {
    this.begin(start);
  }

  add(eventHash: HexHash): void {
    if (this.pending.push(eventHash) === BATCH) this.feed();
  }

  /** Closes the segment at a digest; the next starts from `startFrom`, or else from the result. */
  close(startFrom?: HexHash): HexHash {
    this.feed();
    const closed = this.segment.digest('hex');
    this.begin(startFrom ?? closed);
    return closed;
  }

  private begin(start: HexHash): void {
    this.segment = createHash('sha256');
    this.segment.update(start, 'hex');
  }

  private feed(): void {
    if (this.pending.length === 0) return;
    this.segment.update(this.pending.join(''), 'hex');
    this.pending = [];
  }
}

export function signDigest(key: string, position: number, runningHash: HexHash): HexHash {
  const at = Buffer.alloc(8);
  at.writeBigUInt64BE(BigInt(position));
  return createHmac('sha256', key).update(at).update(runningHash, 'hex').digest('hex');
}

export function signatureMatches(
  key: string,
  digest: Pick<LogDigest, 'position' | 'runningHash' | 'signature'>,
): boolean {
  const expected = Buffer.from(signDigest(key, digest.position, digest.runningHash), 'hex');
  const signature = Buffer.from(digest.signature, 'hex');
  return (
    signature.length === expected.length &&
    digest.runningHash.length === 2 * HASH_BYTES &&
    timingSafeEqual(signature, expected)
  );
}
