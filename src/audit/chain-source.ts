import type { LogDigest } from '../shared/eventstore/log-digest';
import type { ChainRow } from './log-verifier';

/** A log as the verifier reads it: rows in position order, and the digests signed over them. */
export interface ChainSource {
  /** What an adapter can promise: dense positions (1, 2, 3...) and digests, or neither. */
  readonly densePositions: boolean;
  /** About how many events there are, for progress. */
  count(): Promise<number>;
  digests(): Promise<LogDigest[]>;
  pages(pageSize: number): AsyncIterable<readonly ChainRow[]>;
  close(): Promise<void>;
}
