import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { StockAvailability } from '../../src/inventory/stock-availability';
import { ReserveStock } from '../../src/inventory/stock.commands';
import type { CommandOutcome } from '../../src/shared/commands/decider-executor';
import type { DomainEvent } from '../../src/shared/domain/decider';
import { formatLogPosition } from '../../src/shared/http/log-position';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

describe('stock over HTTP', () => {
  let t: TestApp;
  let productId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const vendor = await t.http
      .post('/vendors')
      .send({ name: 'Kaleen', leadTimeDays: 30, consolidation: 'weekly' })
      .expect(201);
    const product = await t.http
      .post('/products')
      .send({
        vendorId: vendor.body.id,
        vendorSku: 'KL-HER-0810',
        name: 'Heriz 8x10',
        cost: { amount: 90000, currency: 'USD' },
        retailPrice: { amount: 199900, currency: 'USD' },
      })
      .expect(201);
    productId = product.body.id;
  });
  afterAll(() => t.close());

  const level = (position?: string) => {
    const request = t.http.get(`/stock?productId=${productId}`);
    return (position ? request.set('X-Min-Log-Position', position) : request).expect(200);
  };

  it('shows no stock for a product nothing has been counted of', async () => {
    const response = await level();
    expect(response.body).toEqual({
      id: productId,
      onHand: 0,
      reserved: 0,
      available: 0,
      reservations: [],
      updatedAt: null,
    });
  });

  it('adjusts stock with an event that names its operation and reason', async () => {
    const adjusted = await (
      await t.as('sam')
    )
      .post('/stock/adjustments')
      .send({ productId, delta: 3, reason: 'Counted in the showroom' })
      .expect(201);
    expect(adjusted.body).toEqual({ id: expect.any(String), productId });
    expect(adjusted.headers.location).toBe(`/stock?productId=${productId}`);
    const [event] = await t.events.readStream(`stock-${productId}`);
    expect(event).toMatchObject({
      type: 'StockAdjusted',
      data: {
        productId,
        operationId: adjusted.body.id,
        delta: 3,
        reason: 'Counted in the showroom',
        onHand: 3,
      },
      metadata: { actor: 'sam' },
    });

    const response = await level(adjusted.headers['x-log-position']);
    expect(response.body).toMatchObject({ onHand: 3, reserved: 0, available: 3, reservations: [] });
  });

  it('shows reservations by customer line and refuses to count below them', async () => {
    const line = { backorderId: randomUUID(), lineId: 'L1' };
    const context = { actor: 'test', correlationId: randomUUID(), causationId: randomUUID() };
    const outcome = await t.app
      .get(CommandBus)
      .execute<ReserveStock, CommandOutcome<DomainEvent>>(
        new ReserveStock(
          productId,
          randomUUID(),
          { ...line, quantity: 2 },
          'backorder-link',
          context,
        ),
      );
    const reserved = await level(formatLogPosition(outcome.position!));
    expect(reserved.body).toMatchObject({
      onHand: 3,
      reserved: 2,
      available: 1,
      reservations: [{ ...line, quantity: 2 }],
    });
    await expect(t.app.get(StockAvailability).available(productId)).resolves.toBe(1);

    const before = await eventCount(t.events);
    const refused = await t.http
      .post('/stock/adjustments')
      .send({ productId, delta: -2, reason: 'Water damage' })
      .expect(422);
    expect(refused.body).toMatchObject({
      rule: 'stock-below-reserved',
      details: { onHand: 3, reserved: 2 },
    });
    expect(await eventCount(t.events)).toBe(before);

    const allowed = await t.http
      .post('/stock/adjustments')
      .send({ productId, delta: -1, reason: 'Water damage' })
      .expect(201);
    const after = await level(allowed.headers['x-log-position']);
    expect(after.body).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
    await expect(t.app.get(StockAvailability).available(productId)).resolves.toBe(0);
  });

  it('adjusts once when a request is retried with its Idempotency-Key', async () => {
    const send = () =>
      t.http
        .post('/stock/adjustments')
        .set('Idempotency-Key', 'recount-2026-11-02')
        .send({ productId, delta: 5, reason: 'Delivery from the warehouse' })
        .expect(201);
    const first = await send();
    const before = await eventCount(t.events);
    const retried = await send();
    expect(retried.body).toEqual(first.body);
    expect(await eventCount(t.events)).toBe(before);
    const response = await level(first.headers['x-log-position']);
    expect(response.body).toMatchObject({ onHand: 7, available: 5 });
  });

  describe('rejected requests append nothing', () => {
    let before: number;
    beforeEach(async () => (before = await eventCount(t.events)));
    afterEach(async () => expect(await eventCount(t.events)).toBe(before));

    it('invalid fields are a 400 naming each field', async () => {
      const response = await t.http
        .post('/stock/adjustments')
        .send({ productId: 'heriz', delta: 0, reason: '' })
        .expect(400);
      const fields = response.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['delta', 'productId', 'reason']);
      const fractional = await t.http
        .post('/stock/adjustments')
        .send({ productId, delta: 1.5, reason: 'half a rug' })
        .expect(400);
      expect(fractional.body.fields.map((f: { field: string }) => f.field)).toEqual(['delta']);
    });

    it('stock of a product not in the catalog is a 422 naming the rule', async () => {
      const response = await t.http
        .post('/stock/adjustments')
        .send({ productId: randomUUID(), delta: 1, reason: 'found' })
        .expect(422);
      expect(response.body).toMatchObject({ rule: 'product-not-listed' });
    });

    it('a stock query needs a product id', async () => {
      const response = await t.http.get('/stock').expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['productId']);
      await t.http.get('/stock?productId=heriz').expect(400);
    });
  });
});
