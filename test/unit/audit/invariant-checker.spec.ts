import { join } from 'node:path';
import {
  auditEventLog,
  type AuditReport,
  type InvariantRule,
} from '../../../src/audit/invariant-checker';
import {
  ChangeLine,
  DecideSubstitution,
  FulfilLine,
  PlaceBackorder,
  RecordLineOnPurchaseOrder,
  type BackorderCommandMessage,
} from '../../../src/backorders/backorder.commands';
import { backorderDecider } from '../../../src/backorders/backorder.decider';
import type { PlacedLine } from '../../../src/backorders/backorder.events';
import { substitutionResolutionWorkflow } from '../../../src/backorders/substitution-resolution.workflow';
import type { ProductSnapshot } from '../../../src/catalog/product-snapshot';
import { stockKeepingWorkflow } from '../../../src/backorders/stock-keeping.workflow';
import {
  AdjustStock,
  ReserveStock,
  type StockCommandMessage,
} from '../../../src/inventory/stock.commands';
import { stockDecider } from '../../../src/inventory/stock.decider';
import {
  AcknowledgePurchaseOrder,
  AllocateToPurchaseOrder,
  ClosePurchaseOrder,
  RecordReceipt,
  ReleaseAllocation,
  SubmitPurchaseOrder,
  type PurchaseOrderCommandMessage,
} from '../../../src/purchasing/purchase-order.commands';
import { purchaseOrderDecider } from '../../../src/purchasing/purchase-order.decider';
import type { SetAsideUnits } from '../../../src/purchasing/purchase-order.events';
import { receivingWorkflow } from '../../../src/receiving/receiving.workflow';
import type { Decider, DomainEvent } from '../../../src/shared/domain/decider';
import type {
  ExpectedRevision,
  RecordedEvent,
} from '../../../src/shared/eventstore/event-envelope';
import { SqliteEventStore } from '../../../src/shared/eventstore/sqlite-event-store';
import { streams } from '../../../src/shared/eventstore/stream-names';
import type { Workflow } from '../../../src/shared/reactors/workflow';
import { given } from '../../support/decider';
import {
  allocation,
  context,
  customerSnapshot,
  placedLine,
  productSnapshot,
} from '../../support/domain-fixtures';
import { newEvent } from '../../support/events';
import { tempDir } from '../../support/temp-dir';

const heriz = productSnapshot({ productId: 'p-heriz', vendorSku: 'HER-01', name: 'Heriz' });
const tabriz = productSnapshot({ productId: 'p-tabriz', vendorSku: 'TAB-02', name: 'Tabriz' });
const tabrizBlue = productSnapshot({
  productId: 'p-tabriz-blue',
  vendorSku: 'TAB-02B',
  name: 'Tabriz Blue',
});
const kilim = productSnapshot({ productId: 'p-kilim', vendorSku: 'KIL-03', name: 'Kilim' });

const poId = 'po-1';
const poNumber = 'PO-000001';
const poStream = streams.purchaseOrder(poId);
const opening = {
  number: poNumber,
  vendorId: 'v-1',
  vendorName: 'Nourison Rugs',
  consolidation: { policy: 'daily', windowKey: '2026-03-01', generation: 0 },
};

interface Customer {
  readonly backorderId: string;
  readonly number: string;
  readonly name: string;
  readonly placedAt: string;
  readonly allocationId: string;
}
const customer = (n: number, name: string): Customer => ({
  backorderId: `bo-${n}`,
  number: `BO-00000${n}`,
  name,
  placedAt: `2026-03-0${n}T10:00:00.000Z`,
  allocationId: `a-${n}`,
});
const ada = customer(1, 'Ada Lovelace');
const bob = customer(2, 'Bob Byte');
const cid = customer(3, 'Cid Cache');
const dee = customer(4, 'Dee Park');
const eve = customer(5, 'Eve Moss');
const line = (who: Customer) => ({ backorderId: who.backorderId, lineId: 'L1' });
const heldFor = (who: Customer, quantity: number): SetAsideUnits => ({
  allocationId: who.allocationId,
  backorderId: who.backorderId,
  backorderNumber: who.number,
  lineId: 'L1',
  customerName: who.name,
  quantity,
});

/**
 * The shop on a real SQLite log: commands go through the real deciders, and the steps the
 * reactors take are taken with the real reactor definitions. `forge` appends what no decider
 * would decide, which is what the checker is for.
 */
class Shop {
  constructor(readonly store: SqliteEventStore) {}

  async run<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
  ): Promise<RecordedEvent[]> {
    const history = await this.store.readStream(stream);
    const decided = given(decider, history as unknown as E[]).when(command);
    return this.write(stream, decided, history.length === 0 ? 'no_stream' : history.length - 1);
  }

  po(command: PurchaseOrderCommandMessage) {
    return this.run(purchaseOrderDecider, poStream, command);
  }

  backorder(command: BackorderCommandMessage) {
    return this.run(backorderDecider, streams.backorder(command.backorderId), command);
  }

  stock(command: StockCommandMessage) {
    return this.run(stockDecider, streams.stock(command.productId), command);
  }

  async forge(stream: string, type: string, data: object): Promise<RecordedEvent> {
    const [event] = await this.write(stream, [{ type, data }], 'any');
    return event;
  }

  /** Every command the workflow issues for these events, each on the aggregate its key names. */
  async react(workflow: Workflow, events: readonly RecordedEvent[]) {
    const caused: RecordedEvent[] = [];
    let state = workflow.initialState;
    for (const event of events.filter((e) => workflow.eventTypes.includes(e.type))) {
      const reactions = workflow.decide(event, state);
      state = workflow.evolve(state, event);
      for (const { key, command } of reactions) {
        const aggregate = key.slice(0, key.indexOf(':'));
        if (aggregate === 'stock') caused.push(...(await this.stock(command as never)));
        else if (aggregate === 'backorder')
          caused.push(...(await this.backorder(command as never)));
        else if (aggregate === 'po') caused.push(...(await this.po(command as never)));
        else throw new Error(`no route for ${key}`);
      }
    }
    return caused;
  }

  private async write(
    stream: string,
    events: readonly DomainEvent[],
    expected: ExpectedRevision,
  ): Promise<RecordedEvent[]> {
    if (events.length === 0) return [];
    const from = (await this.store.readStream(stream)).length;
    await this.store.append(
      stream,
      events.map((e) => newEvent(e.type, e.data)),
      expected,
    );
    return this.store.readStream(stream, { from });
  }
}

async function place(shop: Shop, who: Customer, lines: PlacedLine[]) {
  return shop.backorder(
    new PlaceBackorder(
      who.backorderId,
      who.number,
      customerSnapshot({ customerId: `cust-${who.backorderId}`, name: who.name }),
      'sales-1',
      who.placedAt,
      0,
      null,
      lines,
      context,
    ),
  );
}

/** The units go on the open PO, as the placement handler's first step; returns the PO line. */
async function allocate(shop: Shop, who: Customer, product: ProductSnapshot, quantity: number) {
  const allocated = await shop.po(
    new AllocateToPurchaseOrder(
      poId,
      opening,
      `pl-${product.productId}`,
      product,
      allocation({
        allocationId: who.allocationId,
        backorderId: who.backorderId,
        backorderNumber: who.number,
        lineId: 'L1',
        customerId: `cust-${who.backorderId}`,
        customerName: who.name,
        quantity,
        placedAt: who.placedAt,
      }),
      context,
    ),
  );
  return (allocated.at(-1)!.data as { poLineId: string }).poLineId;
}

/** What the placement handler does: the units go on the open PO, then the line records it. */
async function order(shop: Shop, who: Customer, product: ProductSnapshot, quantity: number) {
  const poLineId = await allocate(shop, who, product, quantity);
  return shop.backorder(
    new RecordLineOnPurchaseOrder(
      who.backorderId,
      'L1',
      { allocationId: who.allocationId, poId, poNumber, poLineId, vendorId: 'v-1', quantity },
      context,
    ),
  );
}

/**
 * Ada (2) and Bob (1) wait for Heriz rugs and Cid for a Tabriz on one draft PO; Dee is linked to
 * the Kilim on the showroom floor.
 */
async function placed(shop: Shop) {
  await shop.stock(new AdjustStock(kilim.productId, 'count-1', 1, 'showroom piece', context));
  await place(shop, ada, [placedLine({ lineId: 'L1', product: heriz, quantity: 2 })]);
  await place(shop, bob, [placedLine({ lineId: 'L1', product: heriz })]);
  await place(shop, cid, [placedLine({ lineId: 'L1', product: tabriz })]);
  await place(shop, dee, [placedLine({ lineId: 'L1', product: kilim, availableInStock: 1 })]);
  await order(shop, ada, heriz, 2);
  await order(shop, bob, heriz, 1);
  await order(shop, cid, tabriz, 1);
  const reserved = await shop.stock(
    new ReserveStock(
      kilim.productId,
      'link-4',
      { ...line(dee), quantity: 1 },
      'backorder-link',
      context,
    ),
  );
  await shop.react(stockKeepingWorkflow, reserved);
}

/** Submitted, confirmed, and two Heriz (both Ada's) and a Tabriz Blue in place of the Tabriz arrive. */
async function received(shop: Shop) {
  await placed(shop);
  await shop.po(new SubmitPurchaseOrder(poId, context));
  await shop.po(
    new AcknowledgePurchaseOrder(
      poId,
      'SO-1',
      [
        { poLineId: `pl-${heriz.productId}`, eta: '2026-04-01' },
        { poLineId: `pl-${tabriz.productId}`, eta: '2026-04-01' },
      ],
      context,
    ),
  );
  const receipt = await shop.po(
    new RecordReceipt(
      poId,
      'r-1',
      [
        { poLineId: `pl-${heriz.productId}`, quantity: 2, substitution: null },
        {
          poLineId: `pl-${tabriz.productId}`,
          quantity: 0,
          substitution: { product: tabrizBlue, quantity: 1 },
        },
      ],
      'oldest-first',
      context,
    ),
  );
  await shop.react(receivingWorkflow, receipt);
}

/** Cid takes the substitute, Ada cancels and her held rug goes to Bob, pickups, the PO closes short. */
async function settled(shop: Shop) {
  await received(shop);
  const accepted = await shop.backorder(
    new DecideSubstitution(cid.backorderId, 'L1', true, '', context),
  );
  await shop.react(substitutionResolutionWorkflow, accepted);
  const handedOver = await shop.po(
    new ReleaseAllocation(
      poId,
      ada.allocationId,
      {
        quantity: 0,
        held: 99,
        disposition: 'give-to-next-customer',
        operationId: 'release-1',
        order: 'oldest-first',
        reason: 'customer found another rug',
      },
      context,
    ),
  );
  await shop.react(receivingWorkflow, handedOver);
  const cancelled = await shop.backorder(
    new ChangeLine(
      ada.backorderId,
      'L1',
      {
        quantity: 0,
        cancel: true,
        reason: 'customer found another rug',
        disposition: 'give-to-next-customer',
        handedOver: 1,
      },
      context,
    ),
  );
  await shop.react(stockKeepingWorkflow, cancelled);
  for (const who of [bob, cid, dee]) {
    const picked = await shop.backorder(new FulfilLine(who.backorderId, 'L1', 'pickup', context));
    await shop.react(stockKeepingWorkflow, picked);
  }
  await shop.po(new ClosePurchaseOrder(poId, 'the third Heriz is discontinued', context));
}

describe('invariant checker', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let shop: Shop;

  beforeEach(() => {
    dir = tempDir();
    store = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    shop = new Shop(store);
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const audit = () => auditEventLog(store, 7);
  const rules = (report: AuditReport) => report.violations.map((v) => v.rule);
  const expectBroken = (report: AuditReport, rule: InvariantRule, event: RecordedEvent) =>
    expect(report.violations).toContainEqual(
      expect.objectContaining({ rule, eventId: event.id, stream: event.stream }),
    );

  it('passes a whole history made by the real deciders and reactors', async () => {
    await settled(shop);
    const report = await audit();
    expect(report.violations).toEqual([]);
    expect(report.discrepancies).toEqual([]);
    expect(report.summary).toMatchObject({
      purchaseOrders: 1,
      purchaseOrderLines: 2,
      allocations: 3,
      products: 3,
      customerLines: 4,
    });
    expect(report.summary.events).toBeGreaterThan(40);
  });

  it('names the event that allocates a PO line beyond its quantity, with where it lies in the log', async () => {
    await placed(shop);
    const beyond = await shop.forge(poStream, 'PurchaseOrderLineAllocated', {
      poId,
      poLineId: `pl-${heriz.productId}`,
      poNumber,
      allocation: allocation({ ...line(eve), allocationId: 'a-9', backorderNumber: eve.number }),
    });
    await shop.forge(poStream, 'PurchaseOrderLineAllocated', {
      poId,
      poLineId: `pl-${heriz.productId}`,
      poNumber,
      allocation: allocation({ ...line(eve), allocationId: 'a-10', backorderNumber: eve.number }),
    });
    const report = await audit();
    expect(report.violations).toEqual([
      {
        rule: 'po-line-over-allocated',
        eventId: beyond.id,
        eventType: 'PurchaseOrderLineAllocated',
        stream: poStream,
        revision: beyond.revision,
        position: beyond.position,
        message: `line pl-${heriz.productId} of ${poNumber} has 4 units allocated to customers but orders 3`,
      },
    ]);
  });

  it('names a reservation of more units than are on hand', async () => {
    await placed(shop);
    const reserved = await shop.forge(streams.stock(kilim.productId), 'StockReserved', {
      productId: kilim.productId,
      operationId: 'link-9',
      reservation: { ...line(eve), quantity: 1 },
      held: 1,
      reason: 'backorder-link',
    });
    const report = await audit();
    expect(rules(report)).toEqual(['stock-reserved-exceeds-on-hand']);
    expectBroken(report, 'stock-reserved-exceeds-on-hand', reserved);
  });

  it('names a receipt that sets aside more units than arrived', async () => {
    await placed(shop);
    await shop.po(new SubmitPurchaseOrder(poId, context));
    const receipt = await shop.forge(poStream, 'PurchaseOrderReceiptRecorded', {
      poId,
      receiptId: 'r-9',
      poNumber,
      vendorId: 'v-1',
      vendorName: 'Nourison Rugs',
      lines: [
        {
          poLineId: `pl-${heriz.productId}`,
          product: heriz,
          ordered: 3,
          receivedBefore: 0,
          quantity: 1,
          over: 0,
          short: 2,
          setAside: [heldFor(ada, 2)],
          toStock: 0,
          substitution: null,
        },
      ],
      status: 'partially-received',
    });
    const report = await audit();
    expect(report.violations.map((v) => [v.rule, v.eventId])).toEqual([
      ['set-aside-exceeds-received', receipt.id],
      ['recorded-total-mismatch', receipt.id],
      ['set-aside-exceeds-received', receipt.id],
    ]);
    expect(report.violations.map((v) => v.message)).toEqual([
      `receipt r-9 on line pl-${heriz.productId} of ${poNumber} sets aside 2 units but 1 arrived in it`,
      'the event records 0 to stock where the log adds up to -1',
      `line pl-${heriz.productId} of ${poNumber} has 2 units set aside for customers but received 1`,
    ]);
  });

  it('names a receipt that sets aside units an earlier receipt sent to stock', async () => {
    await received(shop);
    // Ada lets go of her two rugs: they stay on the PO line's received count, as stock.
    await shop.po(
      new ReleaseAllocation(
        poId,
        ada.allocationId,
        {
          quantity: 0,
          held: 99,
          disposition: 'keep-as-stock',
          operationId: 'release-1',
          order: 'oldest-first',
          reason: 'changed her mind',
        },
        context,
      ),
    );
    const heldAgain = await shop.forge(poStream, 'PurchaseOrderReceiptRecorded', {
      poId,
      receiptId: 'r-9',
      poNumber,
      vendorId: 'v-1',
      vendorName: 'Nourison Rugs',
      lines: [
        {
          poLineId: `pl-${heriz.productId}`,
          product: heriz,
          ordered: 3,
          receivedBefore: 2,
          quantity: 0,
          over: 0,
          short: 1,
          setAside: [heldFor(bob, 1)],
          toStock: -1,
          substitution: null,
        },
      ],
      status: 'partially-received',
    });
    const report = await audit();
    expect(report.violations.map((v) => [v.rule, v.eventId, v.message])).toEqual([
      [
        'set-aside-exceeds-received',
        heldAgain.id,
        `receipt r-9 on line pl-${heriz.productId} of ${poNumber} sets aside 1 units but 0 arrived in it`,
      ],
    ]);
  });

  it('names units set aside for an allocation beyond what was allocated to it', async () => {
    await received(shop);
    const third = await shop.forge(poStream, 'PurchaseOrderAllocationTransferred', {
      poId,
      transferId: 't-9',
      poLineId: `pl-${heriz.productId}`,
      productId: heriz.productId,
      from: { allocationId: bob.allocationId, ...line(bob) },
      to: heldFor(ada, 1),
      quantity: 1,
      units: 'set-aside',
      reason: 'forged',
    });
    const report = await audit();
    expect(rules(report)).toEqual([
      'allocation-units-negative',
      'allocation-set-aside-exceeds-allocated',
    ]);
    expectBroken(report, 'allocation-set-aside-exceeds-allocated', third);
  });

  it('names the same allocation recorded on two customer lines', async () => {
    await placed(shop);
    const twice = await shop.forge(
      streams.backorder(bob.backorderId),
      'BackorderLineOnPurchaseOrder',
      {
        ...line(bob),
        allocationId: ada.allocationId,
        poId,
        poNumber,
        poLineId: `pl-${heriz.productId}`,
        vendorId: 'v-1',
        quantity: 1,
      },
    );
    const report = await audit();
    expect(report.violations.map((v) => [v.rule, v.eventId, v.message])).toEqual([
      [
        'allocated-to-two-customers',
        twice.id,
        `allocation ${ada.allocationId} is recorded on line L1 of ${bob.number} but line L1 of ${ada.number} recorded it first`,
      ],
    ]);
  });

  it('names units held for a customer line beyond its quantity', async () => {
    await received(shop);
    const more = await shop.forge(
      streams.backorder(ada.backorderId),
      'BackorderLineUnitsSetAside',
      {
        ...line(ada),
        operationId: 'extra',
        quantity: 1,
        allocationId: ada.allocationId,
        source: 'forged',
        label: {
          customerName: ada.name,
          backorderNumber: ada.number,
          productName: 'Heriz',
          vendorSku: 'HER-01',
        },
      },
    );
    const report = await audit();
    expect(rules(report)).toEqual(['line-held-exceeds-quantity']);
    expectBroken(report, 'line-held-exceeds-quantity', more);
  });

  it('names a line allocated on purchase orders beyond its quantity', async () => {
    await placed(shop);
    await place(shop, eve, [placedLine({ lineId: 'L1', product: heriz })]);
    const poLineId = await allocate(shop, eve, heriz, 2);
    const beyond = await shop.forge(
      streams.backorder(eve.backorderId),
      'BackorderLineOnPurchaseOrder',
      {
        ...line(eve),
        allocationId: eve.allocationId,
        poId,
        poNumber,
        poLineId,
        vendorId: 'v-1',
        quantity: 2,
      },
    );
    const report = await audit();
    expect(report.violations.map((v) => [v.rule, v.eventId, v.message])).toEqual([
      [
        'line-allocated-exceeds-quantity',
        beyond.id,
        `line L1 of ${eve.number} has 2 units allocated on purchase orders but orders 1`,
      ],
    ]);
  });

  it('names a customer line recording an allocation no purchase order made', async () => {
    await placed(shop);
    await place(shop, eve, [placedLine({ lineId: 'L1', product: heriz })]);
    const phantom = await shop.forge(
      streams.backorder(eve.backorderId),
      'BackorderLineOnPurchaseOrder',
      {
        ...line(eve),
        allocationId: eve.allocationId,
        poId,
        poNumber,
        poLineId: `pl-${heriz.productId}`,
        vendorId: 'v-1',
        quantity: 1,
      },
    );
    const report = await audit();
    expect(rules(report)).toEqual(['unknown-reference']);
    expectBroken(report, 'unknown-reference', phantom);
  });

  it('names stock going below zero and a total the event records wrongly', async () => {
    await placed(shop);
    const stream = streams.stock(kilim.productId);
    const counted = await shop.forge(stream, 'StockAdjusted', {
      productId: kilim.productId,
      operationId: 'count-9',
      delta: -2,
      reason: 'count',
      onHand: 0,
    });
    const report = await audit();
    expect(report.violations.map((v) => [v.rule, v.eventId])).toEqual([
      ['recorded-total-mismatch', counted.id],
      ['stock-on-hand-negative', counted.id],
      ['stock-reserved-exceeds-on-hand', counted.id],
    ]);
  });

  it("names units set aside on one customer's line for another customer's allocation", async () => {
    await placed(shop);
    const unknown = await shop.forge(
      streams.backorder(bob.backorderId),
      'BackorderLineUnitsSetAside',
      {
        ...line(bob),
        operationId: 'x',
        quantity: 1,
        allocationId: ada.allocationId,
        source: 'forged',
        label: {
          customerName: bob.name,
          backorderNumber: bob.number,
          productName: 'Heriz',
          vendorSku: 'HER-01',
        },
      },
    );
    const report = await audit();
    expect(rules(report)).toEqual(['allocated-to-two-customers']);
    expectBroken(report, 'allocated-to-two-customers', unknown);
  });

  it('reports a breach once, when it begins, and again only if it recurs after being mended', async () => {
    await placed(shop);
    const kilimStream = streams.stock(kilim.productId);
    const release = (operationId: string, quantity: number) =>
      shop.forge(kilimStream, 'StockReservationReleased', {
        productId: kilim.productId,
        operationId,
        ...line(dee),
        quantity,
        reason: 'forged',
      });
    const first = await release('r-1', 2);
    await release('r-2', 1);
    await shop.forge(kilimStream, 'StockReserved', {
      productId: kilim.productId,
      operationId: 'r-3',
      reservation: { ...line(dee), quantity: 3 },
      held: 1,
      reason: 'forged',
    });
    const again = await release('r-4', 2);
    const report = await audit();
    expect(
      report.violations
        .filter((v) => v.rule === 'stock-reservation-negative')
        .map((v) => v.eventId),
    ).toEqual([first.id, again.id]);
  });

  it('warns while the customer lines have not heard of a receipt, and no more once they have', async () => {
    await placed(shop);
    await shop.po(new SubmitPurchaseOrder(poId, context));
    const receipt = await shop.po(
      new RecordReceipt(
        poId,
        'r-1',
        [{ poLineId: `pl-${heriz.productId}`, quantity: 2, substitution: null }],
        'oldest-first',
        context,
      ),
    );
    const lagging = await audit();
    expect(lagging.violations).toEqual([]);
    expect(lagging.discrepancies).toEqual([
      {
        rule: 'set-aside-disagrees',
        ...line(ada),
        message: `the purchase orders have 2 units set aside for line L1 of ${ada.number}; its own log has 0`,
      },
    ]);
    await shop.react(receivingWorkflow, receipt);
    expect(await audit()).toMatchObject({ violations: [], discrepancies: [] });
  });

  it('warns when stock holds units for a line that its own log does not hold', async () => {
    await placed(shop);
    const kilimStream = streams.stock(kilim.productId);
    await shop.forge(kilimStream, 'StockAdjusted', {
      productId: kilim.productId,
      operationId: 'count-2',
      delta: 1,
      reason: 'count',
      onHand: 2,
    });
    await shop.forge(kilimStream, 'StockReserved', {
      productId: kilim.productId,
      operationId: 'link-9',
      reservation: { ...line(bob), quantity: 1 },
      held: 1,
      reason: 'backorder-link',
    });
    const report = await audit();
    expect(report.violations).toEqual([]);
    expect(report.discrepancies).toEqual([
      {
        rule: 'stock-hold-disagrees',
        ...line(bob),
        message: `stock holds 1 units for line L1 of ${bob.number}; its own log holds 0`,
      },
    ]);
  });
});
