import {
  CancelPurchaseOrder,
  ClosePurchaseOrder,
  SubmitPurchaseOrder,
} from '../../../../src/purchasing/purchase-order.commands';
import { purchaseOrderLifecycleDecider } from '../../../../src/purchasing/purchase-order-lifecycle.decider';
import type { PurchaseOrderEvent } from '../../../../src/purchasing/purchase-order.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../../src/shared/domain/domain-errors';
import { context } from '../../../support/domain-fixtures';
import { ada, draft, poId } from './allocated-draft';
import { scenario } from '../../../support/given-when-then';

const affected = [
  { backorderId: ada.backorderId, lineId: ada.lineId, poLineId: 'pl-1', allocationId: 'a-1' },
];
const submitted: PurchaseOrderEvent = { type: 'PurchaseOrderSubmitted', data: { poId, affected } };

describe('purchase order lifecycle decider', () => {
  const lifecycle = scenario(purchaseOrderLifecycleDecider);

  it('submits a draft once, telling every linked customer line', () => {
    lifecycle.given(draft).when(new SubmitPurchaseOrder(poId, context)).then([submitted]);
    lifecycle
      .given([...draft, submitted])
      .when(new SubmitPurchaseOrder(poId, context))
      .thenNothingHappened();
  });

  it('closes only a PO that received goods', () => {
    lifecycle
      .given([...draft, submitted])
      .when(new ClosePurchaseOrder(poId, 'done', context))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('purchase-order-not-received'));
  });

  it('answers an unknown PO with a 404', () => {
    lifecycle
      .given([])
      .when(new CancelPurchaseOrder(poId, 'no', context))
      .thenThrows(UnknownEntityError);
  });
});
