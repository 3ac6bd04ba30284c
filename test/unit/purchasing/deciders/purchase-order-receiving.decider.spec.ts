import {
  RecordReceipt,
  ReleaseAllocation,
} from '../../../../src/purchasing/purchase-order.commands';
import { purchaseOrderReceivingDecider } from '../../../../src/purchasing/purchase-order-receiving.decider';
import type { PurchaseOrderEvent } from '../../../../src/purchasing/purchase-order.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../../src/shared/domain/domain-errors';
import { allocation, context, productSnapshot } from '../../../support/domain-fixtures';
import { scenario } from '../../../support/given-when-then';

const poId = 'po-1';
const product = productSnapshot();
const ada = allocation({ allocationId: 'a-1', quantity: 2 });
const draft: PurchaseOrderEvent[] = [
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
const release = (operationId: string) =>
  new ReleaseAllocation(
    poId,
    'a-1',
    {
      quantity: 2,
      held: 0,
      disposition: 'keep-as-stock',
      operationId,
      order: 'oldest-first',
      reason: 'changed mind',
    },
    context,
  );

describe('purchase order receiving decider', () => {
  const receiving = scenario(purchaseOrderReceivingDecider);

  it('refuses a receipt on a PO not yet submitted', () => {
    receiving
      .given(draft)
      .when(
        new RecordReceipt(
          poId,
          'r-1',
          [{ poLineId: 'pl-1', quantity: 1, substitution: null }],
          'oldest-first',
          context,
        ),
      )
      .thenThrows(BusinessRuleViolation);
  });

  it('releases an allocation once per operation, and an unknown one is a no-op', () => {
    const { state } = receiving.given(draft);
    const events = purchaseOrderReceivingDecider.decide(release('op-1'), state);
    expect(events.map((e) => e.type)).toEqual(['PurchaseOrderAllocationReleased']);
    receiving
      .given([...draft, ...events])
      .when(release('op-1'))
      .thenNothingHappened();
    const unknown = new ReleaseAllocation(poId, 'a-9', release('op-2').release, context);
    receiving.given(draft).when(unknown).thenNothingHappened();
  });

  it('answers an unknown PO with a 404', () => {
    receiving.given([]).when(release('op-1')).thenThrows(UnknownEntityError);
  });
});
