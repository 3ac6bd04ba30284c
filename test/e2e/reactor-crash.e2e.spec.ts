import { join } from 'node:path';
import { RecordLineOnPurchaseOrder } from '../../src/backorders/backorder.commands';
import { auditEventLog } from '../../src/audit/invariant-checker';
import { purchaseOrderPlacementWorkflow } from '../../src/backorders/purchase-order-placement.workflow';
import { purchaseOrderDecider } from '../../src/purchasing/purchase-order.decider';
import { DeciderExecutor } from '../../src/shared/commands/decider-executor';
import type { Position, RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { streams } from '../../src/shared/eventstore/stream-names';
import { SqliteReadModelStore } from '../../src/shared/readmodels/sqlite-read-model-store';
import { ShopCommands } from '../support/shop-commands';
import { tempDir } from '../support/temp-dir';
import { startTestApp, type TestApp } from '../support/test-app';

const PLACEMENT_CHECKPOINT = `reactor:${purchaseOrderPlacementWorkflow.name}`;

/**
 * The PO placement reactor does two steps per customer line: it allocates units on the vendor's
 * PO, then records the PO on the customer line. Here the process stops between the two (the
 * second step's write never happens) and its checkpoint is lost, so a restart redelivers both
 * finished and half-done placements: each step must then be done exactly once.
 */
describe('a reactor that crashes between two steps', () => {
  const dir = tempDir();
  let t: TestApp;
  let shop: ShopCommands;
  /** Vendor, products and customers, then the backorders by customer. */
  const ids: Record<string, string> = {};
  const orders: Record<string, string> = {};
  let beforeOrders: Position;

  const running = new Set<TestApp>();
  const start = async () => {
    t = await startTestApp({}, dir.path);
    running.add(t);
    shop = new ShopCommands(t.app);
  };
  const stop = async () => {
    running.delete(t);
    await t.close();
  };

  afterAll(async () => {
    for (const app of running) await app.close();
    dir.remove();
  });

  it('places two backorders with every step done', async () => {
    await start();
    ids.vendor = await shop.registerVendor('Nourison', 'manual');
    ids.heriz = await shop.listProduct(ids.vendor, 'HER-01', 'Heriz Persian');
    ids.tabriz = await shop.listProduct(ids.vendor, 'TAB-02', 'Tabriz Silk');
    for (const [key, name] of [
      ['ann', 'Ann Smith'],
      ['bob', 'Bob Jones'],
      ['cy', 'Cy Young'],
      ['dee', 'Dee Park'],
    ])
      ids[key] = await shop.registerCustomer(name, null, '+1 201 555 0100');
    await shop.settle();
    beforeOrders = (await t.events.head())!.position;

    orders.ann = await shop.placeBackorder({
      customerId: ids.ann,
      lines: [{ productId: ids.heriz, quantity: 1 }],
    });
    orders.bob = await shop.placeBackorder({
      customerId: ids.bob,
      lines: [
        { productId: ids.heriz, quantity: 1 },
        { productId: ids.tabriz, quantity: 1 },
      ],
    });
    await shop.settle();
    expect(tally(await shop.log())).toEqual({
      [`${orders.ann}/L1`]: { allocated: 1, recorded: 1 },
      [`${orders.bob}/L1`]: { allocated: 1, recorded: 1 },
      [`${orders.bob}/L2`]: { allocated: 1, recorded: 1 },
    });
  });

  it('stops after allocating on the PO and before recording the lines', async () => {
    const stopped = stopBeforeRecordingLines(t.app.get(DeciderExecutor));
    orders.cy = await shop.placeBackorder({
      customerId: ids.cy,
      lines: [
        { productId: ids.heriz, quantity: 1 },
        { productId: ids.tabriz, quantity: 2 },
      ],
    });
    orders.dee = await shop.placeBackorder({
      customerId: ids.dee,
      lines: [{ productId: ids.tabriz, quantity: 1 }],
    });
    // The reactor retries the batch while the fault lasts: allocating again must change nothing.
    await stopped.hits(3);

    const counts = tally(await shop.log());
    expect(counts[`${orders.cy}/L1`]).toEqual({ allocated: 1, recorded: 0 });
    expect(counts[`${orders.cy}/L2`]).toEqual({ allocated: 1, recorded: 0 });
    expect(counts[`${orders.dee}/L1`]).toEqual({ allocated: 1, recorded: 0 });
    await stop();

    // A kill -9 also loses the checkpoint saved lazily since the first orders: they come again too.
    const readModels = new SqliteReadModelStore({ file: join(dir.path, 'read-models.sqlite') });
    await readModels.applyBatch(PLACEMENT_CHECKPOINT, [], beforeOrders);
    await readModels.close();
  });

  it('does each step exactly once after a restart', async () => {
    await start();
    await shop.settle();
    const log = await shop.log();

    expect(tally(log)).toEqual({
      [`${orders.ann}/L1`]: { allocated: 1, recorded: 1 },
      [`${orders.bob}/L1`]: { allocated: 1, recorded: 1 },
      [`${orders.bob}/L2`]: { allocated: 1, recorded: 1 },
      [`${orders.cy}/L1`]: { allocated: 1, recorded: 1 },
      [`${orders.cy}/L2`]: { allocated: 1, recorded: 1 },
      [`${orders.dee}/L1`]: { allocated: 1, recorded: 1 },
    });
    const allocated = log.filter((e) => e.type === 'PurchaseOrderLineAllocated');
    const recorded = log.filter((e) => e.type === 'BackorderLineOnPurchaseOrder');
    expect(recorded.map((e) => allocationIdOf(e)).sort()).toEqual(
      allocated.map((e) => allocationIdOf(e)).sort(),
    );
    const [po] = await shop.purchaseOrdersOf(ids.vendor);
    const state = (
      await t.app.get(DeciderExecutor).load(purchaseOrderDecider, streams.purchaseOrder(po.poId))
    ).state;
    if (state.status === 'none') throw new Error('the PO was never opened');
    expect([...state.lines.values()].map((l) => [l.product.name, l.quantity]).sort()).toEqual([
      ['Heriz Persian', 3],
      ['Tabriz Silk', 4],
    ]);

    const audit = await auditEventLog(t.events);
    expect(audit.violations).toEqual([]);
    expect(audit.discrepancies).toEqual([]);
  });
});

/**
 * Makes the placement's second step fail as if the process had stopped before its write: every
 * RecordLineOnPurchaseOrder is refused with an error the reactor retries, never a business rule.
 */
function stopBeforeRecordingLines(executor: DeciderExecutor) {
  let hits = 0;
  const original = executor.executeAll.bind(executor);
  executor.executeAll = ((decider, stream, commands) => {
    if (commands.some(({ command }) => command instanceof RecordLineOnPurchaseOrder)) {
      hits++;
      return Promise.reject(new Error('the process stopped before recording the lines'));
    }
    return original(decider, stream, commands);
  }) as DeciderExecutor['executeAll'];
  return {
    async hits(count: number, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (hits < count) {
        if (Date.now() > deadline) throw new Error(`the second step was tried ${hits} times`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

/** Per customer line: how many allocations the POs made for it, and how many it recorded. */
function tally(log: readonly RecordedEvent[]) {
  const counts: Record<string, { allocated: number; recorded: number }> = {};
  const line = (backorderId: string, lineId: string) =>
    (counts[`${backorderId}/${lineId}`] ??= { allocated: 0, recorded: 0 });
  for (const event of log) {
    if (event.type === 'PurchaseOrderLineAllocated') {
      const { allocation } = event.data as { allocation: { backorderId: string; lineId: string } };
      line(allocation.backorderId, allocation.lineId).allocated++;
    }
    if (event.type === 'BackorderLineOnPurchaseOrder') {
      const data = event.data as { backorderId: string; lineId: string };
      line(data.backorderId, data.lineId).recorded++;
    }
  }
  return counts;
}

function allocationIdOf(event: RecordedEvent): string {
  const data = event.data as { allocationId?: string; allocation?: { allocationId: string } };
  return data.allocationId ?? data.allocation!.allocationId;
}
