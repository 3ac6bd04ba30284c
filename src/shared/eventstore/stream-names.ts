/**
 * Stream names, one category per aggregate: `<category>-<id>`. The category is what the audit
 * views group by, so it never changes once events exist under it.
 */
export const streams = {
  vendor: (vendorId: string) => `vendor-${vendorId}`,
} as const;
