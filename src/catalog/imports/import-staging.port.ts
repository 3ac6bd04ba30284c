import type { ChangeKind, ReviewKind, StagedChange } from './import-review';

/** A staged line of a sheet's review: its place in the sheet and what it changes. */
export interface StagedRow {
  readonly seq: number;
  readonly change: StagedChange;
}

/**
 * The change sets of price-sheet imports while they wait for review: a working set beside the
 * read models (SQLite file or MongoDB collections, as the read store is), never a source of
 * truth. What is applied is recorded as product events; the import's own events keep its counts.
 */
export interface ImportStaging {
  /** Stages a batch of a sheet, written as it is read; a row staged again replaces itself. */
  stage(importId: string, rows: readonly StagedRow[]): Promise<void>;
  /** Forgets what an earlier, broken-off attempt at the same import staged. */
  clear(importId: string): Promise<void>;
  /**
   * Staged lines of any of these kinds, in sheet order, after `afterSeq`: one kind for a page of
   * the review, the selected kinds for applying. A line of several kinds comes once.
   */
  rows(
    importId: string,
    kinds: readonly ReviewKind[],
    afterSeq: number,
    limit: number,
  ): Promise<StagedRow[]>;
  /** How many lines any of these kinds selects, each counted once. */
  countSelected(importId: string, kinds: readonly ChangeKind[]): Promise<number>;
  /** Imports being applied, so that a restart finishes what a crash interrupted. */
  markApplying(importId: string, applying: boolean): Promise<void>;
  applyingImports(): Promise<string[]>;
  close(): Promise<void>;
}

export const IMPORT_STAGING = Symbol('ImportStaging');

/** The review kinds a staged line belongs to: what `rows` and `countSelected` select by. */
export function kindsOf(change: StagedChange): ReviewKind[] {
  return [
    ...(change.kind === 'changed' ? [] : [change.kind]),
    ...(change.cost ? (['cost'] as const) : []),
    ...(change.retailPrice ? (['price'] as const) : []),
    ...(change.details ? (['details'] as const) : []),
  ];
}
