import { stockLevelsProjection } from '../../../projections/inventory/stock-levels.projection';
import { eventLog, projectionHarness } from '../../support/projection-harness';

describe('stock levels projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(stockLevelsProjection)));
  afterEach(() => harness.close());

  const event = eventLog();
  const lineA = { backorderId: 'b1', lineId: 'l1' };
  const lineB = { backorderId: 'b2', lineId: 'l1' };
  const lineC = { backorderId: 'b3', lineId: 'l2' };
  const op = (n: number) => ({ productId: 'p1', operationId: `op-${n}` });

  const adjusted = event('stock-p1', 'StockAdjusted', {
    ...op(1),
    delta: 3,
    reason: 'counted',
    onHand: 3,
  });
  const received = event('stock-p1', 'StockReceived', {
    ...op(2),
    receiptId: 'r1',
    poId: 'po1',
    poNumber: 'PO-000001',
    quantity: 4,
    reservedFor: [{ ...lineA, quantity: 2 }],
    onHand: 7,
  });
  const reserved = event('stock-p1', 'StockReserved', {
    ...op(3),
    reservation: { ...lineB, quantity: 3 },
    held: 3,
    reason: 'linked at placement',
  });
  const released = event('stock-p1', 'StockReservationReleased', {
    ...op(4),
    ...lineB,
    quantity: 1,
    reason: 'quantity reduced',
  });
  const transferred = event('stock-p1', 'StockReservationTransferred', {
    ...op(5),
    from: lineA,
    to: lineC,
    quantity: 2,
    reason: 'given to the next customer',
  });
  const issued = event('stock-p1', 'StockIssued', {
    ...op(6),
    ...lineB,
    quantity: 2,
    onHand: 5,
  });

  it('counts on hand, reserved and available through every kind of stock event', async () => {
    await harness.apply([adjusted, received, reserved]);
    expect(await harness.document('stock', 'p1')).toEqual({
      id: 'p1',
      onHand: 7,
      reserved: 5,
      available: 2,
      reservations: [
        { ...lineA, quantity: 2 },
        { ...lineB, quantity: 3 },
      ],
      updatedAt: reserved.metadata.occurredAt,
    });

    await harness.apply([released, transferred, issued]);
    expect(await harness.document('stock', 'p1')).toEqual({
      id: 'p1',
      onHand: 5,
      reserved: 2,
      available: 3,
      reservations: [{ ...lineC, quantity: 2 }],
      updatedAt: issued.metadata.occurredAt,
    });
  });

  it('is unchanged when the events are delivered again', async () => {
    const history = [adjusted, received, reserved, released, transferred, issued];
    await harness.apply(history);
    const once = await harness.all('stock');
    const again = await harness.apply(history);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('stock')).toEqual(once);
  });

  it('keeps products apart and indexes what is available', async () => {
    const other = event('stock-p2', 'StockAdjusted', {
      productId: 'p2',
      operationId: 'op-9',
      delta: 1,
      reason: 'found in the back',
      onHand: 1,
    });
    await harness.apply([adjusted, received, reserved, other]);
    const inStock = await harness.store.find('stock_v1', { where: { available: { gte: 2 } } });
    expect(inStock.items.map((d) => d.id)).toEqual(['p1']);
  });
});
