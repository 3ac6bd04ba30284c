import { purchaseOrdersProjection } from './purchase-orders.projection';
import { receiptsProjection } from './receipts.projection';

export const purchasingProjections = [purchaseOrdersProjection, receiptsProjection];
