import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { GENESIS_HASH, HASH_BYTES } from './event-chain';

/**
 * Signed digests of the global log. The running hash at a digest's position P is
 * SHA-256(running hash at the previous digest || the chain hash of every event after it up to P),
 * starting from 32 zero bytes: it covers every event, in log order, up to P. The digest signs it
 * with HMAC-SHA256 under a key only the server holds, so whoever edits the file cannot re-sign.
 */
export interface LogDigest {
  /** The global position (the embedded store's dense sequence) the digest covers up to. */
  readonly position: number;
  readonly runningHash: Buffer;
  readonly signature: Buffer;
  readonly signedAt: string;
}

export const INITIAL_RUNNING_HASH = GENESIS_HASH;

/** Folds event hashes, in log order, into the running hash of the next digest. */
export class RunningHash {
  private segment = createHash('sha256');

  constructor(private current: Buffer = INITIAL_RUNNING_HASH) {
    this.segment.update(current);
  }

  add(eventHash: Buffer): void {
    this.segment.update(eventHash);
  }

  /** Closes the segment at a digest; the next one starts from `startFrom` (what was signed). */
  close(startFrom?: Buffer): Buffer {
    const closed = this.segment.digest();
    this.current = startFrom ?? closed;
    this.segment = createHash('sha256');
    this.segment.update(this.current);
    return closed;
  }
}

/** The HMAC of (position, running hash): a digest cannot be moved to another position. */
export function signDigest(key: Buffer | string, position: number, runningHash: Buffer): Buffer {
  const at = Buffer.alloc(8);
  at.writeBigUInt64BE(BigInt(position));
  return createHmac('sha256', key).update(at).update(runningHash).digest();
}

export function signatureMatches(
  key: Buffer | string,
  digest: Pick<LogDigest, 'position' | 'runningHash' | 'signature'>,
): boolean {
  const expected = signDigest(key, digest.position, digest.runningHash);
  return (
    digest.signature.length === expected.length &&
    digest.runningHash.length === HASH_BYTES &&
    timingSafeEqual(digest.signature, expected)
  );
}
