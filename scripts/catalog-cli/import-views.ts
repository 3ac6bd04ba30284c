/** What the server answers about imports: the shapes the CLI reads. */
import type { ImportReview } from '../../src/catalog/imports/import-review';

export type ImportStatus = 'receiving' | 'reviewed' | 'failed' | 'applying' | 'applied';

/** The review's counts, as the server computes them. */
export type ImportReviewCounts = ImportReview;

export interface ImportView {
  readonly id: string;
  readonly vendorId: string;
  readonly profile: string;
  readonly fileName: string;
  readonly status: ImportStatus;
  readonly failure: string | null;
  readonly progress: {
    readonly bytesReceived: number;
    readonly rowsRead: number;
    readonly rowsPerSecond: number;
    readonly applied: number;
    readonly toApply: number;
  } | null;
  readonly review: ImportReviewCounts | null;
}

/** A line of the review's `invalid` list (GET /catalog/imports/:id/changes?kind=invalid). */
export interface InvalidRow {
  readonly rowNumber: number | null;
  readonly vendorSku: string | null;
  readonly reason: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface VendorListing {
  readonly id: string;
  readonly name: string;
}

export type ApplyKind = 'new' | 'cost' | 'price' | 'details' | 'missing';
