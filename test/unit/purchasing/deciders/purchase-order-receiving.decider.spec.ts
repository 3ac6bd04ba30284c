import {
  RecordReceipt,
  ReleaseAllocation,
} from '../../../../src/purchasing/purchase-order.commands';
import { purchaseOrderReceivingDecider } from '../../../../src/purchasing/purchase-order-receiving.decider';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../../src/shared/domain/domain-errors';
import { context } from '../../../support/domain-fixtures';
import { draft, poId } from './allocated-draft';
import { scenario } from '../../../support/given-when-then';

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
