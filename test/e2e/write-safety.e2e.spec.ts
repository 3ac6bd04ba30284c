import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import {
  READ_MODEL_STORE,
  type ReadModelStore,
} from '../../src/shared/readmodels/read-model-store.port';
import { allWorkflows } from '../../src/all-workflows';
import { tempDir } from '../support/temp-dir';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

/**
 * Retries and crashes never duplicate work: a retried write with the same Idempotency-Key gets
 * the first answer (also after a restart), and reactors that restart before their checkpoint
 * redo nothing that was already done.
 */
describe('write safety', () => {
  const dir = tempDir();
  let t: TestApp;
  const ids: Record<string, string> = {};

  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  const post = async (
    url: string,
    body: object,
    headers: Record<string, string> = {},
    actor = 'maria',
  ) => (await t.as(actor)).post(url).set(headers).send(body);

  it('sets up a vendor, a product and a customer', async () => {
    t = await startTestApp({}, dir.path);
    ids.vendor = (
      await post('/vendors', {
        name: 'Oriental Weavers',
        leadTimeDays: 30,
        consolidation: 'weekly',
      })
    ).body.id;
    ids.product = (
      await post('/products', {
        vendorId: ids.vendor,
        vendorSku: 'OW-1',
        name: 'Bokhara',
        cost: { amount: 30000, currency: 'USD' },
        retailPrice: { amount: 79900, currency: 'USD' },
      })
    ).body.id;
    ids.customer = (
      await post('/customers', { name: 'Eve Adams', email: 'eve@example.com' })
    ).body.id;
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });

  it('answers a retried placement with the first result and appends nothing', async () => {
    const order = { customerId: ids.customer, lines: [{ productId: ids.product, quantity: 2 }] };
    const first = await post('/backorders', order, { 'Idempotency-Key': 'order-eve-1' });
    expect(first.status).toBe(201);
    await t.app.get(ConsumersSettled).wait();
    const before = await eventCount(t.events);

    const retry = await post('/backorders', order, { 'Idempotency-Key': 'order-eve-1' });

    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await eventCount(t.events)).toBe(before);
    ids.order = first.body.id;
  });

  it('refuses the same key for another request body', async () => {
    const before = await eventCount(t.events);
    const reused = await post(
      '/backorders',
      { customerId: ids.customer, lines: [{ productId: ids.product, quantity: 5 }] },
      { 'Idempotency-Key': 'order-eve-1' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.rule).toBe('idempotency-key-reused');
    expect(await eventCount(t.events)).toBe(before);
  });

  it('keeps a key per actor: another person may use the same key for their own order', async () => {
    const order = { customerId: ids.customer, lines: [{ productId: ids.product, quantity: 1 }] };
    const theirs = await post('/backorders', order, { 'Idempotency-Key': 'order-eve-1' }, 'lena');
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(ids.order);
  });

  it('remembers keys across a restart', async () => {
    await t.close();
    t = await startTestApp({}, dir.path);
    const before = await eventCount(t.events);
    const retry = await post(
      '/backorders',
      { customerId: ids.customer, lines: [{ productId: ids.product, quantity: 2 }] },
      { 'Idempotency-Key': 'order-eve-1' },
    );
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(ids.order);
    expect(await eventCount(t.events)).toBe(before);
  });

  it('redoes nothing when reactors restart before recording their checkpoints', async () => {
    await t.app.get(ConsumersSettled).wait();
    const before = await eventCount(t.events);
    const listed = (await t.http.get(`/purchase-orders?vendorId=${ids.vendor}`).expect(200)).body
      .items[0];
    const po = (await t.http.get(`/purchase-orders/${listed.id}`).expect(200)).body;
    expect(po.lines[0].allocations).toHaveLength(2);
    await t.close();

    // A crash after the reactors' commands but before their checkpoints: everything is redelivered.
    t = await startTestApp({}, dir.path);
    const readModels = t.app.get<ReadModelStore>(READ_MODEL_STORE);
    for (const reactor of allWorkflows)
      await readModels.deleteCheckpoint(`reactor:${reactor.name}`);
    await t.close();
    t = await startTestApp({}, dir.path);
    expect(await t.app.get(ConsumersSettled).wait()).toBe(true);

    expect(await eventCount(t.events)).toBe(before);
    const again = (await t.http.get(`/purchase-orders/${po.id}`).expect(200)).body;
    expect(again.lines).toEqual(po.lines);
  });
});
