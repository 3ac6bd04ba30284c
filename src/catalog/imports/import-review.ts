import type { Money } from '../../shared/domain/money';
import type { SheetProduct } from './sheet-product';

/** What a reviewed sheet would change, in counts. */
export interface ImportReview {
  /** Data rows read from the sheet. */
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  readonly new: number;
  readonly costChanged: number;
  readonly priceChanged: number;
  readonly detailsChanged: number;
  readonly unchanged: number;
  /** Listed products of the vendor that the sheet no longer names: candidates to discontinue. */
  readonly missing: number;
}

/** Kinds of change staff can pick when applying; `missing` discontinues. */
export const CHANGE_KINDS = ['new', 'cost', 'price', 'details', 'missing'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Kinds a review lists, including those that change nothing. */
export const REVIEW_KINDS = [...CHANGE_KINDS, 'unchanged', 'invalid'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Which of a reviewed sheet's changes to apply. */
export interface ApplySelection {
  readonly kinds: readonly ChangeKind[];
  /** When given, only these vendor SKUs (normalised). */
  readonly skus: readonly string[] | null;
}

export interface PriceChange {
  readonly old: Money;
  readonly new: Money;
  /** Rounded to one decimal; null when the old amount was zero. */
  readonly percent: number | null;
}

/** One line of the review, as staff read it. */
export interface StagedChange {
  readonly rowNumber: number | null;
  readonly vendorSku: string | null;
  readonly productId: string | null;
  readonly kind: 'new' | 'changed' | 'unchanged' | 'missing' | 'invalid';
  readonly reason: string | null;
  readonly product: SheetProduct | null;
  readonly cost: PriceChange | null;
  readonly retailPrice: PriceChange | null;
  /** Changed descriptive fields: field -> old and new value. */
  readonly details: Readonly<
    Record<string, { readonly old: unknown; readonly new: unknown }>
  > | null;
}

export function priceChange(old: Money, next: Money): PriceChange {
  const percent =
    old.amount === 0 ? null : Math.round(((next.amount - old.amount) / old.amount) * 1000) / 10;
  return { old, new: next, percent };
}
