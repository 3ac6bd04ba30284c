import { get, withQuery } from './api';
import type { Page, PurchaseOrder } from './model';

/** At the vendor and not yet all received: what purchasing follows and receiving expects. */
export const AT_VENDOR = ['submitted', 'acknowledged', 'partially-received'] as const;

/** The POs in any of these statuses (one list query per status), newest of each first. */
export async function purchaseOrdersIn(
  statuses: readonly string[],
  signal: AbortSignal,
): Promise<PurchaseOrder[]> {
  const pages = await Promise.all(
    statuses.map((status) =>
      get<Page<PurchaseOrder>>(withQuery('/purchase-orders', { status, limit: 100 }), { signal }),
    ),
  );
  return pages.flatMap((page) => page.items);
}
