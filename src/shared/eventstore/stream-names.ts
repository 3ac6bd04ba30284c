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
  sessionFamily: (familyId: string) => `session_family-${familyId}`,
  importProfiles: (vendorId: string) => `import_profiles-${vendorId}`,
  orderAccount: (backorderId: string) => `order_account-${backorderId}`,
  vendorBill: (billId: string) => `vendor_bill-${billId}`,
  catalogImport: (importId: string) => `catalog_import-${importId}`,
  /** A counter handing out human numbers (BO-000123) in blocks. */
  sequence: (name: string) => `sequence-${name}`,
  /** One request sent with an Idempotency-Key, by the digest of actor, route and key. */
  idempotentRequest: (requestKey: string) => `idempotency-${requestKey}`,
  book: (bookId: string) => `book-${bookId}`,
} as const;
