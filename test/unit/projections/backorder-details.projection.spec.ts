import {
  type BackorderDetails,
  backorderDetailsProjection,
} from '../../../projections/backorders/backorder-details.projection';
import {
  type BackorderCommandMessage,
  FulfilLine,
  LinkLineToStock,
  PlaceBackorder,
  RaiseLineException,
  RecordLineOnPurchaseOrder,
  RecordReadyNotice,
  SetAsideLineUnits,
} from '../../../src/backorders/backorder.commands';
import { backorderDecider } from '../../../src/backorders/backorder.decider';
import {
  AcknowledgePurchaseOrder,
  AllocateToPurchaseOrder,
  CancelPurchaseOrderLine,
  type PurchaseOrderCommandMessage,
  RecordReceipt,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from '../../../src/purchasing/purchase-order.commands';
import { purchaseOrderDecider } from '../../../src/purchasing/purchase-order.decider';
import type { Decider, DomainEvent } from '../../../src/shared/domain/decider';
import type { EventMetadata, RecordedEvent } from '../../../src/shared/eventstore/event-envelope';
import { streams } from '../../../src/shared/eventstore/stream-names';
import {
  allocation,
  context,
  customerSnapshot,
  placedLine,
  productSnapshot,
} from '../../support/domain-fixtures';
import { eventLog, projectionHarness } from '../../support/projection-harness';

const heriz = productSnapshot({
  productId: 'p-heriz',
  vendorId: 'v-nourison',
  vendorName: 'Nourison',
  vendorSku: 'NR-HZ-5376',
  name: 'Heriz',
  size: `5'3" x 7'6"`,
});
const kashan = productSnapshot({
  productId: 'p-kashan',
  vendorId: 'v-safavieh',
  vendorName: 'Safavieh',
  vendorSku: 'SF-KS-0810',
  name: 'Kashan',
  size: `8' x 10'`,
  retailPrice: { amount: 159_900, currency: 'USD' },
});
const ann = customerSnapshot({
  customerId: 'c-ann',
  name: 'Ann Lee',
  phone: '+1 (201) 555-0100',
  email: 'ann@example.com',
});
const bob = customerSnapshot({
  customerId: 'c-bob',
  name: 'Bob Stone',
  phone: '201 555 0199',
  email: 'bob@example.com',
});
const reactor = { processManager: 'purchase-order-placement' };

/** Events as the real deciders make them, recorded at rising log positions. */
function shop() {
  const event = eventLog();
  const states = new Map<string, unknown>();
  const log: RecordedEvent[] = [];
  const run = <C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
    metadata: Partial<EventMetadata>,
  ) => {
    const state = (states.get(stream) as S | undefined) ?? decider.initialState;
    const decided = decider.decide(command, state);
    states.set(stream, decided.reduce(decider.evolve, state));
    const recorded = decided.map((e) => event(stream, e.type, e.data, metadata));
    log.push(...recorded);
    return recorded;
  };
  return {
    log,
    backorder: (command: BackorderCommandMessage, metadata: Partial<EventMetadata> = {}) =>
      run(backorderDecider, streams.backorder(command.backorderId), command, metadata),
    po: (command: PurchaseOrderCommandMessage, metadata: Partial<EventMetadata> = {}) =>
      run(purchaseOrderDecider, streams.purchaseOrder(command.poId), command, metadata),
  };
}

/** Ann orders two Heriz and a Kashan (one in stock); Bob one Heriz; both Heriz lines go on PO-000045. */
function twoOrdersOnOnePo() {
  const s = shop();
  s.backorder(
    new PlaceBackorder(
      'bo-1',
      'BO-000123',
      ann,
      'sam',
      '2026-11-01T09:00:00.000Z',
      0,
      'Gift: call before delivery',
      [
        placedLine({ lineId: 'l-1', product: heriz, quantity: 2 }),
        placedLine({ lineId: 'l-2', product: kashan, quantity: 1, availableInStock: 1 }),
      ],
      context,
    ),
  );
  s.backorder(
    new PlaceBackorder(
      'bo-2',
      'BO-000124',
      bob,
      'sam',
      '2026-11-01T10:00:00.000Z',
      0,
      null,
      [placedLine({ lineId: 'l-1', product: heriz, quantity: 1 })],
      context,
    ),
  );
  const opening = {
    number: 'PO-000045',
    vendorId: 'v-nourison',
    vendorName: 'Nourison',
    consolidation: { policy: 'daily', windowKey: '2026-11-01', generation: 0 },
  };
  for (const [backorderId, number, customer, quantity, allocationId] of [
    ['bo-1', 'BO-000123', ann, 2, 'a-ann'],
    ['bo-2', 'BO-000124', bob, 1, 'a-bob'],
  ] as const) {
    const claim = allocation({
      allocationId,
      backorderId,
      backorderNumber: number,
      lineId: 'l-1',
      customerId: customer.customerId,
      customerName: customer.name,
      quantity,
      placedAt: backorderId === 'bo-1' ? '2026-11-01T09:00:00.000Z' : '2026-11-01T10:00:00.000Z',
    });
    s.po(new AllocateToPurchaseOrder('po-45', opening, 'pl-1', heriz, claim, context), reactor);
    s.backorder(
      new RecordLineOnPurchaseOrder(
        backorderId,
        'l-1',
        {
          allocationId,
          poId: 'po-45',
          poNumber: 'PO-000045',
          poLineId: 'pl-1',
          vendorId: 'v-nourison',
          quantity,
        },
        context,
      ),
      reactor,
    );
  }
  s.po(new SubmitPurchaseOrder('po-45', context));
  return s;
}

function acknowledgedAndRevised() {
  const s = twoOrdersOnOnePo();
  const [acknowledged] = s.po(
    new AcknowledgePurchaseOrder(
      'po-45',
      'NR-7781',
      [{ poLineId: 'pl-1', eta: '2026-12-01' }],
      context,
    ),
  );
  const [revised] = s.po(
    new RevisePurchaseOrderEta(
      'po-45',
      'pl-1',
      '2026-12-09',
      'vendor',
      'container delayed',
      context,
    ),
  );
  return { s, acknowledged, revised };
}

describe('backorder details projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(backorderDetailsProjection)));
  afterEach(() => harness.close());

  const order = (id: string) => harness.document<BackorderDetails>('backorders', id);

  it('shows a placed order with a line awaiting a stock decision and a line to order', async () => {
    const s = shop();
    const [placed] = s.backorder(
      new PlaceBackorder(
        'bo-1',
        'BO-000123',
        ann,
        'sam',
        '2026-11-01T09:00:00.000Z',
        2,
        'Gift',
        [
          placedLine({ lineId: 'l-1', product: heriz, quantity: 2 }),
          placedLine({ lineId: 'l-2', product: kashan, quantity: 1, availableInStock: 3 }),
        ],
        context,
      ),
    );
    await harness.apply(s.log);

    const doc = await order('bo-1');
    expect(doc).toMatchObject({
      id: 'bo-1',
      number: 'BO-000123',
      customerId: 'c-ann',
      customer: ann,
      salesperson: 'sam',
      priority: 2,
      notes: 'Gift',
      placedAt: '2026-11-01T09:00:00.000Z',
      updatedAt: placed.metadata.occurredAt,
      status: 'open',
      outcome: null,
      lineStatuses: ['awaiting-link', 'to-order'],
      summary: '1 awaiting a stock decision, 1 to order',
      eta: null,
      totals: {
        ordered: { amount: 2 * 289_900 + 159_900, currency: 'USD' },
        fulfilled: { amount: 0, currency: 'USD' },
      },
      vendorIds: ['v-nourison', 'v-safavieh'],
      waitingProductIds: ['p-kashan'],
      purchaseOrderIds: [],
    });
    expect(doc!.lines.map((l) => [l.lineNumber, l.status, l.toOrder, l.unsupplied])).toEqual([
      [1, 'to-order', 2, 0],
      [2, 'awaiting-link', 0, 1],
    ]);
    expect(doc!.lines[1]).toMatchObject({
      product: kashan,
      delivered: kashan,
      availableInStock: 3,
      total: { amount: 159_900, currency: 'USD' },
    });
  });

  it('shows the PO, the vendor ETA and every revision on each linked order', async () => {
    const { s, acknowledged, revised } = acknowledgedAndRevised();
    await harness.apply(s.log);

    const history = [
      {
        at: acknowledged.metadata.occurredAt,
        eta: '2026-12-01',
        previous: null,
        source: 'vendor',
        reason: null,
        poId: 'po-45',
        poNumber: 'PO-000045',
        poLineId: 'pl-1',
      },
      {
        at: revised.metadata.occurredAt,
        eta: '2026-12-09',
        previous: '2026-12-01',
        source: 'vendor',
        reason: 'container delayed',
        poId: 'po-45',
        poNumber: 'PO-000045',
        poLineId: 'pl-1',
      },
    ];
    const annOrder = await order('bo-1');
    expect(annOrder).toMatchObject({
      eta: '2026-12-09',
      lineStatuses: ['awaiting-link', 'on-po'],
      summary: '1 awaiting a stock decision, 1 on PO',
      purchaseOrderIds: ['po-45'],
    });
    expect(annOrder!.lines[0]).toMatchObject({
      status: 'on-po',
      toOrder: 0,
      outstanding: 2,
      onOrder: {
        'a-ann': {
          poId: 'po-45',
          poNumber: 'PO-000045',
          poLineId: 'pl-1',
          vendorId: 'v-nourison',
          quantity: 2,
        },
      },
      purchaseOrders: [
        {
          allocationId: 'a-ann',
          poId: 'po-45',
          poNumber: 'PO-000045',
          poLineId: 'pl-1',
          vendorId: 'v-nourison',
          quantity: 2,
          released: 0,
          poStatus: 'acknowledged',
          eta: '2026-12-09',
          lost: null,
        },
      ],
      eta: '2026-12-09',
      etaHistory: history,
    });
    expect(annOrder!.lines[1]).toMatchObject({ status: 'awaiting-link', eta: null });

    const bobOrder = await order('bo-2');
    expect(bobOrder!.eta).toBe('2026-12-09');
    expect(bobOrder!.lines[0].etaHistory).toEqual(history);
  });

  it('follows the units from arrival to pickup, and closes the order', async () => {
    const { s } = acknowledgedAndRevised();
    s.po(
      new RecordReceipt(
        'po-45',
        'r-1',
        [{ poLineId: 'pl-1', quantity: 2, substitution: null }],
        'oldest-first',
        context,
      ),
    );
    s.backorder(
      new SetAsideLineUnits(
        'bo-1',
        'l-1',
        'r-1:a-ann',
        2,
        'a-ann',
        'receipt of PO-000045',
        context,
      ),
    );
    await harness.apply(s.log);
    const arrived = await order('bo-1');
    expect(arrived!.lines[0]).toMatchObject({
      status: 'set-aside',
      reserved: 2,
      outstanding: 0,
      eta: null,
    });
    expect(arrived!.lines[0].purchaseOrders[0].poStatus).toBe('partially-received');
    // The other line has no ETA: nothing the order waits for is dated.
    expect(arrived!.eta).toBeNull();

    const before = s.log.length;
    s.backorder(new LinkLineToStock('bo-1', 'l-2', 1, 'op-link-1', context));
    s.backorder(
      new RecordReadyNotice(
        'bo-1',
        ['l-1', 'l-2'],
        'email',
        'ann@example.com',
        '2026-12-10T15:00:00.000Z',
        context,
      ),
    );
    await harness.apply(s.log.slice(before));
    const ready = await order('bo-1');
    expect(ready!.lines.map((l) => l.status)).toEqual(['ready', 'ready']);
    expect(ready!.lines[1].notice).toEqual({
      channel: 'email',
      recipient: 'ann@example.com',
      sentAt: '2026-12-10T15:00:00.000Z',
    });
    expect(ready!.waitingProductIds).toEqual([]);

    const pickup = s.log.length;
    const [first] = s.backorder(new FulfilLine('bo-1', 'l-1', 'pickup', context));
    const closing = s.backorder(new FulfilLine('bo-1', 'l-2', 'pickup', context));
    expect(closing.map((e) => e.type)).toEqual(['BackorderLineFulfilled', 'BackorderClosed']);
    await harness.apply(s.log.slice(pickup));
    const closed = await order('bo-1');
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'fulfilled',
      closedAt: closing[1].metadata.occurredAt,
      lineStatuses: ['picked-up'],
      summary: '2 picked up',
      totals: {
        ordered: { amount: 2 * 289_900 + 159_900, currency: 'USD' },
        fulfilled: { amount: 2 * 289_900 + 159_900, currency: 'USD' },
      },
    });
    expect(closed!.lines[0].fulfilment).toEqual({
      method: 'pickup',
      quantity: 2,
      issued: [{ productId: 'p-heriz', quantity: 2 }],
      at: first.metadata.occurredAt,
    });
    // Bob's order did not get Ann's units.
    expect((await order('bo-2'))!.lines[0].status).toBe('on-po');
  });

  it('puts a line in exception as soon as its PO line is cancelled, with the reason the line keeps', async () => {
    const s = twoOrdersOnOnePo();
    s.po(new CancelPurchaseOrderLine('po-45', 'pl-1', 'vendor discontinued the design', context));
    await harness.apply(s.log);
    const reason = 'its line on PO-000045 was cancelled: vendor discontinued the design';
    const announced = await order('bo-2');
    expect(announced!.lines[0]).toMatchObject({
      status: 'exception',
      exceptionReason: reason,
      exception: null,
      eta: null,
    });
    expect(announced!.lines[0].purchaseOrders[0].lost).toBe(reason);
    expect(announced!.lineStatuses).toEqual(['exception']);

    const before = s.log.length;
    s.backorder(
      new RaiseLineException(
        'bo-2',
        'l-1',
        { allocationId: 'a-bob', poId: 'po-45', poNumber: 'PO-000045' },
        reason,
        context,
      ),
      { processManager: 'purchase-order-exceptions' },
    );
    await harness.apply(s.log.slice(before));
    const recorded = await order('bo-2');
    expect(recorded!.lines[0]).toMatchObject({
      status: 'exception',
      exception: reason,
      exceptionReason: reason,
      onOrder: {},
      unsupplied: 1,
    });
    // Nothing supplies the Heriz any more: stock that comes in can serve Bob.
    expect(recorded!.waitingProductIds).toEqual(['p-heriz']);
  });

  it('is unchanged when the events are delivered again, whole or in part', async () => {
    const { s } = acknowledgedAndRevised();
    await harness.apply(s.log);
    const once = await harness.all('backorders');
    const again = await harness.apply(s.log);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('backorders')).toEqual(once);

    const fresh = await projectionHarness(backorderDetailsProjection);
    try {
      await fresh.apply(s.log.slice(0, 7));
      await fresh.apply(s.log.slice(3));
      expect(await fresh.all('backorders')).toEqual(once);
    } finally {
      await fresh.close();
    }
  });

  it('finds an order by number, phone, email or name, however they are typed', async () => {
    await harness.apply(twoOrdersOnOnePo().log);
    const find = async (q: string) =>
      (await harness.store.search('backorders_v1', q)).items.map((h) => h.document.id).sort();
    for (const q of ['BO-000123', '000123', '123', 'bo000123'])
      expect(await find(q)).toEqual(['bo-1']);
    for (const q of ['555 0100', '5550100', '(201) 555-0100', '2015550100', '+12015550100']) {
      expect(await find(q)).toEqual(['bo-1']);
    }
    expect(await find('ann@example.com')).toEqual(['bo-1']);
    expect(await find('stone')).toEqual(['bo-2']);
    expect(await find('201 555')).toEqual(['bo-1', 'bo-2']);
  });

  it('filters orders by line status, vendor and customer', async () => {
    await harness.apply(twoOrdersOnOnePo().log);
    const ids = async (where: Record<string, string>) =>
      (
        await harness.store.find('backorders_v1', { where, sort: [['placedAt', 'desc']] })
      ).items.map((d) => d.id);
    expect(await ids({ lineStatuses: 'on-po' })).toEqual(['bo-2', 'bo-1']);
    expect(await ids({ lineStatuses: 'awaiting-link' })).toEqual(['bo-1']);
    expect(await ids({ vendorIds: 'v-safavieh' })).toEqual(['bo-1']);
    expect(await ids({ customerId: 'c-bob', status: 'open' })).toEqual(['bo-2']);
    expect(await ids({ purchaseOrderIds: 'po-45' })).toEqual(['bo-2', 'bo-1']);
  });
});
