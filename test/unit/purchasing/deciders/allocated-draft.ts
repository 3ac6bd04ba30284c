import type { PurchaseOrderEvent } from '../../../../src/purchasing/purchase-order.events';
import { allocation, productSnapshot } from '../../../support/domain-fixtures';

/** The sub-decider specs' common start: a draft PO whose one line has 2 units for one customer. */
export const poId = 'po-1';
export const product = productSnapshot();
export const ada = allocation({ allocationId: 'a-1', quantity: 2 });
export const draft: PurchaseOrderEvent[] = [
  {
    type: 'PurchaseOrderOpened',
    data: {
      poId,
      number: 'PO-000001',
      vendorId: 'v-1',
      vendorName: 'Nourison',
      consolidation: null,
    },
  },
  {
    type: 'PurchaseOrderLineAdded',
    data: { poId, poLineId: 'pl-1', product, quantity: 2, unitCost: product.cost },
  },
  {
    type: 'PurchaseOrderLineAllocated',
    data: { poId, poLineId: 'pl-1', poNumber: 'PO-000001', allocation: ada },
  },
];
