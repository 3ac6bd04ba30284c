import type { Money } from '../../shared/domain/money';

export type RugShape = 'rectangle' | 'round' | 'oval' | 'square' | 'runner' | 'octagon';

/** A size read from any of the notations vendors use, in centimetres. */
export interface Dimensions {
  readonly widthCm: number;
  readonly lengthCm: number;
  readonly shape: RugShape;
}

/** One row of a vendor's price sheet, normalised: it reads the same whoever typed it. */
export interface SheetProduct {
  /** Trimmed and upper-cased: the product's key within its vendor. */
  readonly vendorSku: string;
  readonly name: string;
  readonly collection: string | null;
  readonly design: string | null;
  readonly color: string | null;
  readonly material: string | null;
  /** The size as the store prints it, e.g. `5'3" x 7'6"`; null when the sheet gives none. */
  readonly size: string | null;
  readonly dimensions: Dimensions | null;
  readonly cost: Money;
  readonly retailPrice: Money;
  /** http(s) URLs of the vendor's pictures, kept as references to fetch later. */
  readonly images: readonly string[];
}

/** What a row became: a product, or the reason it cannot be one. */
export type MappedRow =
  | { readonly ok: true; readonly product: SheetProduct }
  | { readonly ok: false; readonly reason: string };
