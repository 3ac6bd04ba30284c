import {
  AllocateToPurchaseOrder,
  OpenPurchaseOrder,
} from '../../../../src/purchasing/purchase-order.commands';
import { purchaseOrderLinesDecider } from '../../../../src/purchasing/purchase-order-lines.decider';
import type { PurchaseOrderEvent } from '../../../../src/purchasing/purchase-order.events';
import { BusinessRuleViolation } from '../../../../src/shared/domain/domain-errors';
import { allocation, context, productSnapshot } from '../../../support/domain-fixtures';
import { scenario } from '../../../support/given-when-then';

const poId = 'po-1';
const opening = {
  number: 'PO-000001',
  vendorId: 'v-1',
  vendorName: 'Nourison Rugs',
  consolidation: { policy: 'daily' as const, windowKey: '2026-03-01', generation: 0 },
};
const product = productSnapshot();
const ada = allocation({ allocationId: 'a-1', quantity: 2 });
const allocate = (a = ada) =>
  new AllocateToPurchaseOrder(poId, opening, 'pl-1', product, a, context);
const opened: PurchaseOrderEvent = { type: 'PurchaseOrderOpened', data: { poId, ...opening } };
const added: PurchaseOrderEvent = {
  type: 'PurchaseOrderLineAdded',
  data: { poId, poLineId: 'pl-1', product, quantity: 2, unitCost: product.cost },
};
const allocated: PurchaseOrderEvent = {
  type: 'PurchaseOrderLineAllocated',
  data: { poId, poLineId: 'pl-1', poNumber: 'PO-000001', allocation: ada },
};

describe('purchase order lines decider', () => {
  const lines = scenario(purchaseOrderLinesDecider);

  it('opens a draft with the first allocation on a new line', () => {
    lines.given([]).when(allocate()).then([opened, added, allocated]);
  });

  it('takes an allocation once', () => {
    lines.given([opened, added, allocated]).when(allocate()).thenNothingHappened();
  });

  it('refuses a PO opened by staff without lines', () => {
    const { consolidation: _c, ...manual } = opening;
    lines
      .given([])
      .when(new OpenPurchaseOrder(poId, manual, [], context))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('purchase-order-needs-lines'));
  });

  it('refuses allocations once the PO left draft', () => {
    const submitted: PurchaseOrderEvent = {
      type: 'PurchaseOrderSubmitted',
      data: { poId, affected: [] },
    };
    const bob = allocation({ allocationId: 'a-2', backorderId: 'bo-2' });
    lines
      .given([opened, added, allocated, submitted])
      .when(allocate(bob))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('purchase-order-not-open'));
  });
});
