import { stableId } from '../shared/commands/stable-id';

/** A vendor SKU as the catalog keys it: "nr-kas-0508 " and "NR-KAS-0508" are one article. */
export function normalizeVendorSku(vendorSku: string): string {
  return vendorSku.trim().toUpperCase();
}

/**
 * The product id follows from the vendor and the SKU, so every way in (the API, a price-sheet
 * import) lands a vendor's article on the same product instead of listing it twice.
 */
export function productIdOf(vendorId: string, vendorSku: string): string {
  return stableId('product', vendorId, normalizeVendorSku(vendorSku));
}
