import { purchaseOrdersProjection } from './purchase-orders.projection';
import { receiptsProjection } from './receipts.projection';

/** The purchasing read side besides the vendor directory. */
export const purchasingProjections = [purchaseOrdersProjection, receiptsProjection];
