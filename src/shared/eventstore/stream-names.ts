/**
 * Stream names, one category per aggregate: `<category>-<id>`. The category is what the audit
 * views group by, so it never changes once events exist under it.
 */
export const streams = {
  vendor: (vendorId: string) => `vendor-${vendorId}`,
  product: (productId: string) => `product-${productId}`,
  customer: (customerId: string) => `customer-${customerId}`,
  stock: (productId: string) => `stock-${productId}`,
  backorder: (backorderId: string) => `backorder-${backorderId}`,
  purchaseOrder: (poId: string) => `purchase_order-${poId}`,
  user: (userId: string) => `user-${userId}`,
  apiKey: (keyId: string) => `api_key-${keyId}`,
  importProfiles: (vendorId: string) => `import_profiles-${vendorId}`,
  catalogImport: (importId: string) => `catalog_import-${importId}`,
  /** One request sent with an Idempotency-Key, by the digest of actor, route and key. */
  idempotentRequest: (requestKey: string) => `idempotency-${requestKey}`,
  book: (bookId: string) => `book-${bookId}`,
} as const;
