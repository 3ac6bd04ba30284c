import { purchaseOrdersProjection } from '../../../projections/purchasing/purchase-orders.projection';
import { allocation } from '../../support/domain-fixtures';
import { eventLog, projectionHarness } from '../../support/projection-harness';

/**
 * A projection deletes a document by returning null. The document must go whether it was made in
 * the same batch or stored by an earlier one: the runner's batches follow how events arrived,
 * and a rebuild from scratch batches the same events differently.
 */
describe('projection batch deletions', () => {
  const poId = 'po-1';
  const annAllocation = allocation({ allocationId: 'al-ann' });
  const released = {
    poId,
    operationId: 'release-ann',
    poLineId: 'pol-1',
    allocationId: 'al-ann',
    backorderId: annAllocation.backorderId,
    lineId: annAllocation.lineId,
    quantity: 1,
    heldReleased: 0,
    disposition: 'keep-as-stock',
    reason: 'customer moved abroad',
  };
  const story = () => {
    const log = eventLog();
    return [
      log(`purchase_order-${poId}`, 'PurchaseOrderLineAllocated', {
        poId,
        poLineId: 'pol-1',
        poNumber: 'PO-000001',
        allocation: annAllocation,
      }),
      log(`purchase_order-${poId}`, 'PurchaseOrderAllocationReleased', released),
    ];
  };

  it('deletes in one batch a document it made in the same batch, writing nothing', async () => {
    const harness = await projectionHarness(purchaseOrdersProjection);
    const outcome = await harness.apply(story());
    expect(outcome.documentsWritten).toBe(0);
    expect(await harness.document('purchase_order_allocations', 'al-ann')).toBeNull();
    await harness.close();
  });

  it('deletes a document that an earlier batch stored', async () => {
    const harness = await projectionHarness(purchaseOrdersProjection);
    const [allocated, release] = story();
    await harness.apply([allocated]);
    expect(await harness.document('purchase_order_allocations', 'al-ann')).not.toBeNull();

    const outcome = await harness.apply([release]);
    expect(outcome.documentsWritten).toBe(1);
    expect(await harness.document('purchase_order_allocations', 'al-ann')).toBeNull();

    const again = await harness.apply([release]);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.document('purchase_order_allocations', 'al-ann')).toBeNull();
    await harness.close();
  });
});
