import type { Money } from '../../shared/domain/money';
import { type PriceChange, priceChange, type StagedChange } from './import-review';
import type { Dimensions, SheetProduct } from './sheet-product';

/** A product as the catalog lists it now, with what a sheet row is compared against. */
export interface CatalogProduct {
  readonly productId: string;
  readonly vendorSku: string;
  readonly status: 'listed' | 'discontinued';
  readonly name: string;
  readonly collection: string | null;
  readonly design: string | null;
  readonly color: string | null;
  readonly material: string | null;
  readonly size: string | null;
  readonly dimensions: Dimensions | null;
  readonly images: readonly string[];
  readonly cost: Money;
  readonly retailPrice: Money;
}

const DESCRIPTIVE = ['name', 'collection', 'design', 'color', 'material', 'size'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The image list a sheet row leaves a product with: pictures uploaded to the store stay, the
 * vendor's URLs are those of the sheet. A sheet without an image column leaves images alone.
 */
export function imagesAfterSheet(
  current: readonly string[],
  sheet: readonly string[],
  sheetHasImages: boolean,
): readonly string[] {
  if (!sheetHasImages) return current;
  const uploaded = current.filter((image) => SHA256_HEX.test(image));
  return [...uploaded, ...sheet.filter((url) => !uploaded.includes(url))];
}

/** What one valid sheet row would change for its product. */
export function compareWithCatalog(
  rowNumber: number,
  productId: string,
  sheet: SheetProduct,
  current: CatalogProduct | undefined,
  sheetHasImages: boolean,
): StagedChange {
  const base = { rowNumber, vendorSku: sheet.vendorSku, productId, reason: null, product: sheet };
  if (!current) {
    return { ...base, kind: 'new', cost: null, retailPrice: null, details: null };
  }
  const cost = moneyChange(current.cost, sheet.cost);
  const retailPrice = moneyChange(current.retailPrice, sheet.retailPrice);
  const details: Record<string, { old: unknown; new: unknown }> = {};
  for (const field of DESCRIPTIVE) {
    if (current[field] !== sheet[field])
      details[field] = { old: current[field], new: sheet[field] };
  }
  if (!sameDimensions(current.dimensions, sheet.dimensions)) {
    details.dimensions = { old: current.dimensions, new: sheet.dimensions };
  }
  const images = imagesAfterSheet(current.images, sheet.images, sheetHasImages);
  if (images.join('\n') !== current.images.join('\n')) {
    details.images = { old: current.images, new: images };
  }
  const anyDetails = Object.keys(details).length > 0;
  return {
    ...base,
    kind: cost || retailPrice || anyDetails ? 'changed' : 'unchanged',
    cost,
    retailPrice,
    details: anyDetails ? details : null,
  };
}

export function missingFromSheet(current: CatalogProduct): StagedChange {
  return {
    rowNumber: null,
    vendorSku: current.vendorSku,
    productId: current.productId,
    kind: 'missing',
    reason: 'listed in the catalog but not in this sheet',
    product: null,
    cost: null,
    retailPrice: null,
    details: null,
  };
}

export function invalidRow(
  rowNumber: number,
  vendorSku: string | null,
  reason: string,
): StagedChange {
  return {
    rowNumber,
    vendorSku,
    productId: null,
    kind: 'invalid',
    reason,
    product: null,
    cost: null,
    retailPrice: null,
    details: null,
  };
}

function moneyChange(old: Money, next: Money): PriceChange | null {
  return old.amount === next.amount && old.currency === next.currency
    ? null
    : priceChange(old, next);
}

function sameDimensions(a: Dimensions | null, b: Dimensions | null): boolean {
  if (a === null || b === null) return a === b;
  return a.widthCm === b.widthCm && a.lengthCm === b.lengthCm && a.shape === b.shape;
}
