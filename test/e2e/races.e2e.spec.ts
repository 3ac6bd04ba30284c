import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { auditEventLog } from '../../src/audit/invariant-checker';
import type { StockEvent } from '../../src/inventory/stock.events';
import type { PurchaseOrderReceiptRecorded } from '../../src/purchasing/purchase-order.events';
import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { streams } from '../../src/shared/eventstore/stream-names';
import { startTestApp, type TestApp } from '../support/test-app';

const RACERS = 50;

interface Answer {
  readonly status: number;
  readonly body: { id?: string; rule?: string; [field: string]: unknown };
}

/**
 * Many requests at the same moment for the same scarce thing, through the whole HTTP stack of one
 * process: the aggregate that holds the constraint lets exactly the right ones through, and the
 * log audits clean afterwards.
 */
describe('races', () => {
  let t: TestApp;
  let authorization: string;
  const settle = async () => expect(await t.app.get(ConsumersSettled).wait(20_000)).toBe(true);

  beforeAll(async () => {
    t = await startTestApp();
    authorization = `Bearer ${await t.tokenFor('staff')}`;
  });
  afterAll(() => t.close());

  const send = async (
    method: 'GET' | 'POST',
    url: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const response = await (t.app as NestFastifyApplication)
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, payload: body, headers: { authorization, ...headers } });
    return { status: response.statusCode, body: response.json() };
  };
  const ok = async (method: 'GET' | 'POST', url: string, body?: object) => {
    const answer = await send(method, url, body);
    if (answer.status < 200 || answer.status >= 300)
      throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown> & { id: string };
  };
  const tally = (answers: readonly Answer[]) => {
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  };
  const audit = async () => {
    const report = await auditEventLog(t.events);
    expect(report.violations).toEqual([]);
    expect(report.discrepancies).toEqual([]);
    return report;
  };

  const sku = (i: number) => String(i).padStart(2, '0');
  const setUpProduct = async (name: string, sku: string) => {
    const vendor = await ok('POST', '/vendors', { name, leadTimeDays: 21, consolidation: 'daily' });
    const product = await ok('POST', '/products', {
      vendorId: vendor.id,
      vendorSku: sku,
      name: `${name} rug`,
      cost: { amount: 40000, currency: 'USD' },
      retailPrice: { amount: 99900, currency: 'USD' },
    });
    return { vendorId: vendor.id, productId: product.id };
  };
  const placeOrders = async (productId: string, count: number) => {
    const orders: string[] = [];
    for (let i = 0; i < count; i++) {
      const customer = await ok('POST', '/customers', { name: `Racer ${sku(i)}` });
      const placed = await ok('POST', '/backorders', {
        customerId: customer.id,
        lines: [{ productId, quantity: 1 }],
      });
      orders.push(placed.id);
    }
    return orders;
  };

  it('gives the last unit in stock to exactly one of fifty orders linking it at once', async () => {
    const { productId } = await setUpProduct('Kaleen', 'KL-LAST');
    await ok('POST', '/stock/adjustments', { productId, delta: 1, reason: 'showroom piece' });
    const orders = await placeOrders(productId, RACERS);
    await settle();
    for (const id of orders) {
      const order = await ok('GET', `/backorders/${id}`);
      expect((order.lines as { status: string }[])[0].status).toBe('awaiting-link');
    }

    // All at once; then whoever got a 409 tries again, and must now be told the unit is gone.
    const link = (id: string) => send('POST', `/backorders/${id}/lines/L1/link-stock`, {});
    const answers = await Promise.all(orders.map(link));
    const retries = await Promise.all(orders.filter((_, i) => answers[i].status === 409).map(link));
    await settle();

    const winners = answers.filter((a) => a.status === 200);
    const losers = answers.filter((a) => a.status !== 200);
    process.stdout.write(
      `link-stock race: ${RACERS} requests for 1 unit -> ${JSON.stringify(tally(answers))}; ` +
        `409s retried -> ${JSON.stringify(tally(retries))}\n`,
    );
    expect(winners).toHaveLength(1);
    for (const loser of losers) expect([409, 422]).toContain(loser.status);
    for (const refused of [...losers, ...retries].filter((a) => a.status === 422))
      expect(refused.body.rule).toBe('stock-not-available');
    expect(retries.map((a) => a.status)).toEqual(retries.map(() => 422));

    // Every state the stock went through, as its own log tells it: never below zero.
    const log = (await t.events.readStream(streams.stock(productId))) as unknown as StockEvent[];
    let onHand = 0;
    let reserved = 0;
    for (const event of log) {
      if (event.type === 'StockAdjusted') onHand = event.data.onHand;
      if (event.type === 'StockReserved') reserved += event.data.reservation.quantity;
      expect(onHand).toBeGreaterThanOrEqual(0);
      expect(onHand - reserved).toBeGreaterThanOrEqual(0);
    }
    expect(log.filter((e) => e.type === 'StockReserved')).toHaveLength(1);
    const stock = await ok('GET', `/stock?productId=${productId}`);
    expect(stock).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    const linked = await Promise.all(orders.map((id) => ok('GET', `/backorders/${id}`)));
    const ready = linked.filter((o) => (o.lines as { status: string }[])[0].status === 'ready');
    expect(ready).toHaveLength(1);
    await audit();
  });

  it('records each of fifty simultaneous receipts on one PO line once, and sets aside no more than arrived', async () => {
    const WAITING = 10;
    const { vendorId, productId } = await setUpProduct('Nourison', 'NO-RACE');
    await placeOrders(productId, WAITING);
    await settle();
    const drafts = await ok('GET', `/purchase-orders?vendorId=${vendorId}&status=draft`);
    const poId = (drafts.items as { id: string }[])[0].id;
    const po = await ok('GET', `/purchase-orders/${poId}`);
    const poLine = (po.lines as { poLineId: string; quantity: number }[])[0];
    expect(poLine.quantity).toBe(WAITING);
    await ok('POST', `/purchase-orders/${poId}/submit`, {});
    await ok('POST', `/purchase-orders/${poId}/acknowledge`, {
      etas: [{ poLineId: poLine.poLineId, eta: '2026-12-10' }],
    });
    await settle();

    // Fifty receivers at once, 1 to 3 units each; a 409 is retried with the same key, as a client would.
    const attempts: Answer[] = [];
    const receive = async (i: number): Promise<Answer> => {
      const key = `dock-${sku(i)}`;
      const body = { lines: [{ poLineId: poLine.poLineId, quantity: 1 + (i % 3) }] };
      for (let attempt = 0; ; attempt++) {
        const answer = await send('POST', `/purchase-orders/${poId}/receipts`, body, {
          'idempotency-key': key,
        });
        attempts.push(answer);
        if (answer.status !== 409 || attempt === 30)
          return { ...answer, body: { ...answer.body, key } };
      }
    };
    const answers = await Promise.all(Array.from({ length: RACERS }, (_, i) => receive(i)));
    await settle();

    const accepted = answers.filter((a) => a.status === 201);
    process.stdout.write(
      `receipt race: ${RACERS} receivers, ${attempts.length} attempts ${JSON.stringify(tally(attempts))}; final answers ${JSON.stringify(tally(answers))}\n`,
    );
    expect(accepted.length).toBeGreaterThan(0);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status).toBe(422);
      expect(refused.body.rule).toBe('purchase-order-not-receivable');
    }

    const log = await t.events.readStream(streams.purchaseOrder(poId));
    const receipts = log.filter(
      (e) => e.type === 'PurchaseOrderReceiptRecorded',
    ) as unknown as PurchaseOrderReceiptRecorded[];
    const recorded = receipts.map((r) => r.data.receiptId);
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(recorded.sort()).toEqual(accepted.map((a) => a.body.id).sort());

    let received = 0;
    let setAside = 0;
    for (const receipt of receipts) {
      const [line] = receipt.data.lines;
      received += line.quantity;
      setAside += line.setAside.reduce((n, units) => n + units.quantity, 0);
      expect(setAside).toBeLessThanOrEqual(received);
      expect(setAside).toBeLessThanOrEqual(WAITING);
    }
    expect(setAside).toBe(Math.min(received, WAITING));
    const stock = await ok('GET', `/stock?productId=${productId}`);
    expect(stock).toMatchObject({ onHand: received, reserved: setAside });
    const report = await audit();
    process.stdout.write(
      `receipt race: ${recorded.length} receipts recorded once each, ${received} units received, ${setAside} set aside; audit of ${report.summary.events} events clean\n`,
    );
  });
});
