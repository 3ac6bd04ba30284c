import {
  ChainHasher,
  GENESIS_HASH,
  type ChainRow,
  type HexHash,
} from '../shared/eventstore/event-chain';

export type { ChainRow };
import { RunningHash, signatureMatches, type LogDigest } from '../shared/eventstore/log-digest';

export type FindingKind =
  | 'changed'
  | 'missing'
  | 'inserted'
  | 'reordered'
  | 'digest-mismatch'
  | 'digest-signature'
  | 'digest-missing';

export interface Finding {
  readonly kind: FindingKind;
  /** The event's stream and revision as stored, when the finding is about one event. */
  readonly stream?: string;
  readonly revision?: number;
  readonly position?: number;
  /** For a digest: the positions it covers, after `from` up to `to`. */
  readonly range?: { readonly from: number; readonly to: number };
  readonly message: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly events: number;
  readonly streams: number;
  readonly digests: number;
  /** The position of the last event read. */
  readonly lastPosition: number;
  /** Events after the last digest: protected by their chains only until the next digest. */
  readonly unsealedEvents: number;
  /** How many findings there are; `findings` keeps the first `maxFindings` of them. */
  readonly findingsTotal: number;
  readonly findings: readonly Finding[];
}

export interface LogVerifierOptions {
  /** The signed digests, in position order; none on a store that keeps none. */
  readonly digests: readonly LogDigest[];
  readonly signingKey: string | null;
  /** Digests are expected at each multiple of this; null: no expectation. */
  readonly digestEvery: number | null;
  /** The embedded store numbers events 1, 2, 3...: a gap is a removed event. */
  readonly densePositions: boolean;
  readonly maxFindings?: number;
  /**
   * Verifies one range of the log (after `from`), for one worker of several: the first event of
   * each stream is not judged but kept in `openLinks`, for whoever joins the ranges (see
   * joinPartitions), and the running hash starts from the digest at `from`.
   */
  readonly partition?: { readonly from: number; readonly runningHash: HexHash };
}

/** Where a stream's chain stands: what the next event must follow. */
export interface StreamHeadState {
  readonly revision: number;
  readonly position: number;
  readonly hash: HexHash;
  readonly previousHash: HexHash | null;
  readonly shift: number;
}

interface StreamHead {
  revision: number;
  /** Where the head event is in the log. */
  position: number;
  hash: HexHash;
  /** The hash before `hash`: what an event inserted just before this one would have chained to. */
  previousHash: HexHash | null;
  /** How many forged events were found inserted into the stream so far: later revisions moved. */
  shift: number;
  /** Events seen before their predecessor, by revision: reordered, or their predecessor is gone. */
  waiting?: Map<number, ChainRow>;
}

/**
 * Recomputes every chain and every digest of a log read in position order, and names what does
 * not match: pure, fed one row at a time, so the reader decides how fast and in which thread.
 */
export class LogVerifier {
  private readonly hasher = new ChainHasher();
  private readonly heads = new Map<string, StreamHead>();
  private readonly findings: Finding[] = [];
  private findingsTotal = 0;
  private events = 0;
  private nextPosition = 1;
  private lastPosition = 0;
  private readonly running: RunningHash;
  private digestIndex = 0;
  private lastSealed = 0;
  private readonly maxFindings: number;
  /** In a partition: each stream's first event there, whose link to the past is not judged. */
  readonly openLinks: ChainRow[] = [];

  constructor(private readonly options: LogVerifierOptions) {
    this.maxFindings = options.maxFindings ?? 1000;
    this.running = new RunningHash(options.partition?.runningHash);
    const from = options.partition?.from ?? 0;
    this.nextPosition = from + 1;
    this.lastSealed = from;
  }

  /** Each stream's chain head, for the range after this one. */
  exportHeads(): [string, StreamHeadState][] {
    return [...this.heads].map(([stream, { revision, position, hash, previousHash, shift }]) => [
      stream,
      { revision, position, hash, previousHash, shift },
    ]);
  }

  /** Takes the heads a later range ended with, after its open links were judged here. */
  adoptHeads(heads: readonly [string, StreamHeadState][]): void {
    for (const [stream, head] of heads) {
      const known = this.heads.get(stream);
      // A stream still waiting here for a predecessor keeps waiting; it reports at finish.
      if (known?.waiting) continue;
      this.heads.set(stream, { ...head });
    }
  }

  add(row: ChainRow): void {
    const position = row[0];
    this.closeDigestsBefore(position);
    if (this.options.densePositions && position !== this.nextPosition && position > 0) {
      const [from, to] = [this.nextPosition, position - 1];
      this.report({
        kind: 'missing',
        position: from,
        message:
          from === to
            ? `no event at position ${from}: an event was removed`
            : `no events at positions ${from} to ${to}: events were removed`,
      });
    }
    this.nextPosition = position + 1;
    this.lastPosition = position;
    this.events += 1;
    this.running.add(row[4] || GENESIS_HASH);
    this.closeDigestAt(position);

    const stream = row[1];
    const revision = row[2];
    if (this.options.partition && !this.heads.has(stream)) {
      this.openLinks.push(row);
      this.heads.set(stream, {
        revision,
        position,
        hash: row[4] || GENESIS_HASH,
        previousHash: null,
        shift: 0,
      });
      return;
    }
    const head = this.headOf(stream);
    const expected = head.revision + 1;
    if (revision === expected) {
      this.link(row, head);
      if (head.waiting) this.drainWaiting(head, true);
    } else if (revision > expected) {
      head.waiting ??= new Map();
      head.waiting.set(revision, row);
    } else {
      this.report({
        kind: 'inserted',
        stream,
        revision,
        position,
        message: `a second event at ${stream} revision ${revision} (position ${position})`,
      });
    }
  }

  finish(): VerificationReport {
    for (const [stream, head] of this.heads) {
      while (head.waiting && head.waiting.size > 0) {
        const next = Math.min(...head.waiting.keys());
        for (let revision = head.revision + 1; revision < next; revision++) {
          this.report({
            kind: 'missing',
            stream,
            revision,
            message: `${stream} revision ${revision} is missing (the stream goes on at revision ${next}, position ${head.waiting.get(next)![0]})`,
          });
        }
        // The link over the gap cannot be checked: the chain goes on from what is stored.
        const row = head.waiting.get(next)!;
        head.waiting.delete(next);
        head.revision = next;
        head.position = row[0];
        head.previousHash = null;
        head.hash = row[4] || GENESIS_HASH;
        // What waited for the missing event was in order: it is not reported as moved.
        this.drainWaiting(head, false);
      }
    }
    this.closeDigestsBefore(Number.POSITIVE_INFINITY);
    if (!this.options.partition) this.reportMissingDigests();
    const digests = this.options.digests;
    return {
      ok: this.findingsTotal === 0,
      events: this.events,
      streams: this.heads.size,
      digests: digests.length,
      lastPosition: this.lastPosition,
      unsealedEvents: Math.max(0, this.lastPosition - (digests.at(-1)?.position ?? 0)),
      findingsTotal: this.findingsTotal,
      findings: this.findings,
    };
  }

  /** Checks an event that follows its stream's head; the chain goes on from the stored hash. */
  private link(row: ChainRow, head: StreamHead): void {
    const stored = row[4];
    const [position, stream, revision] = row;
    const { shift, hash: previous } = head;
    // The chain goes on from what is stored: one changed event is one finding, not a cascade.
    let next = stored;
    // SQL hex() of NULL is the empty text.
    if (!stored) {
      this.report({
        kind: 'inserted',
        stream,
        revision,
        position,
        message: `${stream} revision ${revision} (position ${position}) has no chain hash: it was written around the store`,
      });
      next = this.hashAs(row, revision - shift, previous);
    } else if (this.hashAs(row, revision - shift, previous) !== stored) {
      // The original event after a forged one still chains to the event before the forgery.
      if (
        head.previousHash &&
        this.hashAs(row, revision - shift - 1, head.previousHash) === stored
      ) {
        this.markInserted(stream, revision - 1, head.position);
        head.shift = shift + 1;
      } else {
        this.report({
          kind: 'changed',
          stream,
          revision,
          position,
          message: `${stream} revision ${revision} (position ${position}) is not what was appended: its content or chain hash was changed`,
        });
      }
    }
    head.previousHash = previous;
    head.hash = next!;
    head.revision = revision;
    head.position = position;
  }

  /** Links the events that waited for the head; `moved`: they came before it in the log. */
  private drainWaiting(head: StreamHead, moved: boolean): void {
    const waiting = head.waiting!;
    for (let row = waiting.get(head.revision + 1); row; row = waiting.get(head.revision + 1)) {
      waiting.delete(row[2]);
      const stream = row[1];
      if (moved)
        this.report({
          kind: 'reordered',
          stream,
          revision: row[2],
          position: row[0],
          message: `${stream} revision ${row[2]} is at position ${row[0]}, before revision ${row[2] - 1}: events were moved`,
        });
      this.link(row, head);
    }
    if (waiting.size === 0) head.waiting = undefined;
  }

  private markInserted(stream: string, revision: number, position: number): void {
    const index = this.findings.findIndex(
      (f) => f.kind === 'changed' && f.stream === stream && f.revision === revision,
    );
    const finding: Finding = {
      kind: 'inserted',
      stream,
      revision,
      position,
      message: `${stream} revision ${revision} was inserted: the events after it were renumbered to make room`,
    };
    if (index >= 0) this.findings[index] = finding;
    else this.report(finding);
  }

  private hashAs(row: ChainRow, revision: number, previous: HexHash): HexHash {
    return this.hasher.hashBody(row[1], revision, row[3], previous);
  }

  private headOf(stream: string): StreamHead {
    let head = this.heads.get(stream);
    if (!head) {
      head = { revision: -1, position: 0, hash: GENESIS_HASH, previousHash: null, shift: 0 };
      this.heads.set(stream, head);
    }
    return head;
  }

  /** A digest whose position holds no event (removed) is closed before the next event. */
  private closeDigestsBefore(position: number): void {
    const digests = this.options.digests;
    while (this.digestIndex < digests.length && digests[this.digestIndex].position < position) {
      this.closeDigest(digests[this.digestIndex++]);
    }
  }

  private closeDigestAt(position: number): void {
    const digest = this.options.digests[this.digestIndex];
    if (digest && digest.position === position) {
      this.digestIndex += 1;
      this.closeDigest(digest);
    }
  }

  private closeDigest(digest: LogDigest): void {
    const range = { from: this.lastSealed, to: digest.position };
    this.lastSealed = digest.position;
    const key = this.options.signingKey;
    const signed = key !== null && signatureMatches(key, digest);
    if (key !== null && !signed) {
      this.report({
        kind: 'digest-signature',
        position: digest.position,
        range,
        message: `the digest at position ${digest.position} does not carry the signature of this store's key: it was altered or signed with another key`,
      });
    }
    // After a signed digest, go on from what it signed: one damaged range stays one finding.
    const computed = this.running.close(signed ? digest.runningHash : undefined);
    if (computed !== digest.runningHash) {
      this.report({
        kind: 'digest-mismatch',
        position: digest.position,
        range,
        message: `the events after position ${range.from} up to ${range.to} are not those the digest signed at ${digest.signedAt}: one was changed, removed, inserted or moved`,
      });
    }
  }

  private reportMissingDigests(): void {
    for (const finding of this.missingDigests(this.lastPosition)) this.report(finding);
  }

  /** A digest is due at every multiple of `digestEvery` up to the last position. */
  missingDigests(lastPosition: number): Finding[] {
    const every = this.options.digestEvery;
    if (every === null) return [];
    const at = new Set(this.options.digests.map((d) => d.position));
    const missing: Finding[] = [];
    for (let position = every; position <= lastPosition; position += every) {
      if (!at.has(position)) {
        missing.push({
          kind: 'digest-missing',
          position,
          message: `no signed digest at position ${position}: it was removed`,
        });
      }
    }
    return missing;
  }

  private report(finding: Finding): void {
    this.findingsTotal += 1;
    if (this.findings.length < this.maxFindings) this.findings.push(finding);
  }
}
