/** What the server answers about imports: the shapes the CLI reads. */

export type ImportStatus = 'receiving' | 'reviewed' | 'failed' | 'applying' | 'applied';

export interface ImportReviewCounts {
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  readonly new: number;
  readonly costChanged: number;
  readonly priceChanged: number;
  readonly detailsChanged: number;
  readonly unchanged: number;
  readonly missing: number;
}

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
