/**
 * What inventory asks of the catalog, which provides it: inventory depends on no catalog code,
 * so the catalog may fold stock events (in-stock search) without a cycle between the two.
 */
export const PRODUCT_CATALOG = Symbol('ProductCatalog');

export interface ProductCatalog {
  /** Whether the product was ever listed (discontinued ones included), read from its stream. */
  isListed(productId: string): Promise<boolean>;
}
