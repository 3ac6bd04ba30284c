import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { checkInvariants } from '../../scripts/check-invariants';
import { auditEventLog } from '../../src/audit/invariant-checker';
import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { newEvent } from '../support/events';
import { tempDir } from '../support/temp-dir';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');

/** `npm run check:invariants` as its own process, on the stores in `dataDir`. */
function run(dataDir: string) {
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/check-invariants.ts'],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 },
  );
}

/** A log in a folder of its own, holding one stock count that leaves a product below zero. */
async function brokenLog(): Promise<{ dir: ReturnType<typeof tempDir>; eventId: string }> {
  const dir = tempDir();
  const store = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
  const counted = newEvent('StockAdjusted', {
    productId: 'p-1',
    operationId: 'count-1',
    delta: -1,
    reason: 'miscount',
    onHand: -1,
  });
  await store.append('stock-p-1', [counted], 'no_stream');
  await store.close();
  return { dir, eventId: counted.id };
}

/** A short day in the shop over HTTP, then an audit of everything it wrote. */
describe('check:invariants', () => {
  let t: TestApp;
  const settle = async () => expect(await t.app.get(ConsumersSettled).wait(10_000)).toBe(true);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = async (url: string, body: object, status = 201) => {
    const response = await (await t.as('maria')).post(url).send(body);
    if (response.status !== status)
      throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  it('finds nothing wrong in what the application wrote', async () => {
    const vendor = await post('/vendors', {
      name: 'Nourison',
      leadTimeDays: 21,
      consolidation: 'daily',
    });
    const product = await post('/products', {
      vendorId: vendor.id,
      vendorSku: 'HER-01',
      name: 'Heriz Persian',
      cost: { amount: 40000, currency: 'USD' },
      retailPrice: { amount: 99900, currency: 'USD' },
    });
    const ann = await post('/customers', { name: 'Ann Smith', email: 'ann@example.com' });
    const bob = await post('/customers', { name: 'Bob Jones', email: 'bob@example.com' });
    await post('/backorders', {
      customerId: ann.id,
      lines: [{ productId: product.id, quantity: 2 }],
    });
    await post('/backorders', {
      customerId: bob.id,
      lines: [{ productId: product.id, quantity: 1 }],
    });
    await settle();

    const drafts = (await t.http.get(`/purchase-orders?vendorId=${vendor.id}&status=draft`)).body;
    const [po] = drafts.items;
    const [line] = po.lines;
    expect(line.quantity).toBe(3);
    await post(`/purchase-orders/${po.id}/submit`, {}, 200);
    // One more than ordered: Ann's two and Bob's one are set aside, the extra becomes stock.
    await post(`/purchase-orders/${po.id}/receipts`, {
      lines: [{ poLineId: line.poLineId, quantity: 4 }],
    });
    await settle();

    const report = await auditEventLog(t.events);
    expect(report.violations).toEqual([]);
    expect(report.discrepancies).toEqual([]);
    expect(report.summary).toMatchObject({
      purchaseOrders: 1,
      purchaseOrderLines: 1,
      allocations: 2,
      products: 1,
      customerLines: 2,
    });
  });

  it('reports the same from the command line and exits 0', () => {
    const clean = run(t.dataDir);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toContain('1 purchase order (1 line, 2 allocations), 1 product in stock');
    expect(clean.stdout).toContain('Violations: none.');
    expect(clean.stdout).toContain('Result: passed.');
    expect(clean.status).toBe(0);
  });

  it('exits 1 naming the event that broke a rule', async () => {
    const { dir, eventId } = await brokenLog();
    try {
      const broken = run(dir.path);
      expect(broken.stdout).toContain('[stock-on-hand-negative] product p-1 has -1 units on hand');
      expect(broken.stdout).toContain(
        `event ${eventId} (StockAdjusted), stream stock-p-1 revision 0, log position 1`,
      );
      expect(broken.stdout).toContain('Result: FAILED (1 problem).');
      expect(broken.status).toBe(1);
    } finally {
      dir.remove();
    }
  });

  it('fails on discrepancies between aggregates only with --strict', async () => {
    const dir = tempDir();
    const store = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    const stock = (type: string, data: object) =>
      newEvent(type, { productId: 'p-1', reason: 'count', ...data });
    await store.append(
      'stock-p-1',
      [
        stock('StockAdjusted', { operationId: 'count-1', delta: 1, onHand: 1 }),
        stock('StockReserved', {
          operationId: 'link-1',
          reservation: { backorderId: 'bo-1', lineId: 'L1', quantity: 1 },
          held: 1,
        }),
      ],
      'no_stream',
    );
    await store.close();
    try {
      const env = { DATA_DIR: dir.path };
      const lenient = await checkInvariants([], env);
      expect(lenient.stdout).toContain(
        '1 warning: aggregates disagree at the end of the log (reactors may still be catching up; --strict fails on these):',
      );
      expect(lenient.stdout).toContain(
        '  - [stock-hold-disagrees] stock holds 1 units for line L1 of backorder bo-1; its own log holds 0 (backorder bo-1, line L1)',
      );
      expect(lenient.code).toBe(0);
      const strict = await checkInvariants(['--strict'], env);
      expect(strict.stdout).toContain('Result: FAILED (1 problem).');
      expect(strict.code).toBe(1);
    } finally {
      dir.remove();
    }
  });

  it('exits 2 rather than audit a log that is not there, or with an unknown option', async () => {
    const dir = tempDir();
    try {
      const missing = await checkInvariants([], { DATA_DIR: join(dir.path, 'nothing-here') });
      expect(missing).toMatchObject({ code: 2, stdout: '' });
      expect(missing.stderr).toContain('no event log at');
      expect(await checkInvariants(['--lenient'], { DATA_DIR: dir.path })).toMatchObject({
        code: 2,
        stderr: 'usage: npm run check:invariants [-- --strict]\n',
      });
    } finally {
      dir.remove();
    }
  });
});
