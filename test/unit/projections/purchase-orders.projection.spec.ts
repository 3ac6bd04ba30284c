import {
  type PurchaseOrderAllocationDocument,
  type PurchaseOrderDocument,
  purchaseOrdersProjection,
  type StoredPurchaseOrder,
  withAllocations,
} from '../../../projections/purchasing/purchase-orders.projection';
import type { ProductSnapshot } from '../../../src/catalog/product-snapshot';
import {
  AllocateToPurchaseOrder,
  CancelPurchaseOrderLine,
  type PurchaseOrderCommandMessage,
  RecordReceipt,
  ReleaseAllocation,
} from '../../../src/purchasing/purchase-order.commands';
import { allocated } from '../../../src/purchasing/purchase-order-line';
import { purchaseOrderDecider } from '../../../src/purchasing/purchase-order.decider';
import {
  evolvePurchaseOrder,
  type OpenPurchaseOrderState,
} from '../../../src/purchasing/purchase-order.evolve';
import type { Allocation, PurchaseOrderEvent } from '../../../src/purchasing/purchase-order.events';
import { receivingView } from '../../../src/purchasing/purchase-order.queries';
import type { Money } from '../../../src/shared/domain/money';
import type { RecordedEvent } from '../../../src/shared/eventstore/event-envelope';
import { given } from '../../support/decider';
import { eventLog, projectionHarness } from '../../support/projection-harness';

const usd = (amount: number): Money => ({ amount, currency: 'USD' });

const heriz: ProductSnapshot = {
  productId: 'p-heriz',
  vendorId: 'v-nourison',
  vendorSku: 'NR-HZ-0811',
  name: 'Heriz Medallion 8x11',
  collection: 'Heritage',
  design: 'Heriz',
  color: 'Ivory/Navy',
  size: "8' x 11'",
  material: 'Wool',
  images: ['sha256:4f1c9a0e'],
  dimensions: null,
  vendorName: 'Nourison Rugs',
  cost: usd(120000),
  retailPrice: usd(289900),
};
const kazak: ProductSnapshot = {
  ...heriz,
  productId: 'p-kazak',
  vendorSku: 'NR-KZ-0210',
  name: 'Kazak Runner 2.6x10',
  collection: 'Caucasus',
  design: 'Kazak',
  color: 'Red',
  size: "2'6\" x 10'",
  images: ['sha256:77b20d13'],
  cost: usd(35000),
  retailPrice: usd(84900),
};
const kazakRust: ProductSnapshot = {
  ...kazak,
  productId: 'p-kazak-rust',
  vendorSku: 'NR-KZ-0210-RU',
  name: 'Kazak Runner 2.6x10, Rust',
  color: 'Rust',
};

const ann: Allocation = {
  allocationId: 'al-ann',
  backorderId: 'bo-123',
  backorderNumber: 'BO-000123',
  lineId: 'bol-123-1',
  customerId: 'c-ann',
  customerName: 'Ann Smith',
  quantity: 1,
  priority: 0,
  placedAt: '2026-10-28T15:12:00.000Z',
};
const bob: Allocation = {
  allocationId: 'al-bob',
  backorderId: 'bo-124',
  backorderNumber: 'BO-000124',
  lineId: 'bol-124-1',
  customerId: 'c-bob',
  customerName: 'Bob Lee',
  quantity: 1,
  priority: 5,
  placedAt: '2026-10-29T10:40:00.000Z',
};
const cara: Allocation = {
  allocationId: 'al-cara',
  backorderId: 'bo-125',
  backorderNumber: 'BO-000125',
  lineId: 'bol-125-2',
  customerId: 'c-cara',
  customerName: 'Cara Jones',
  quantity: 1,
  priority: 0,
  placedAt: '2026-10-30T16:05:00.000Z',
};
const held = ({
  allocationId,
  backorderId,
  backorderNumber,
  lineId,
  customerName,
}: Allocation) => ({
  allocationId,
  backorderId,
  backorderNumber,
  lineId,
  customerName,
  quantity: 1,
});
const affected = (a: Allocation, poLineId: string) => ({
  backorderId: a.backorderId,
  lineId: a.lineId,
  poLineId,
  allocationId: a.allocationId,
});

/** A PO event as the decider makes it, with when and by whom it is recorded. */
interface Given<TEvent extends PurchaseOrderEvent = PurchaseOrderEvent> {
  readonly event: TEvent;
  readonly at: string;
  readonly actor: string;
}
type EventOf<T extends PurchaseOrderEvent['type']> = Extract<PurchaseOrderEvent, { type: T }>;
function po<T extends PurchaseOrderEvent['type']>(
  type: T,
  data: EventOf<T>['data'],
  at: string,
  actor = 'kim.purchasing',
): Given<EventOf<T>> {
  return { event: { type, data } as EventOf<T>, at, actor };
}
/** Records the events in this order, at rising log positions. */
function record(...events: readonly Given[]): RecordedEvent[] {
  const event = eventLog();
  return events.map((g) =>
    event(`purchase_order-${g.event.data.poId}`, g.event.type, g.event.data, {
      occurredAt: g.at,
      actor: g.actor,
    }),
  );
}
const context = { actor: 'kim.purchasing', correlationId: 'corr-1', causationId: 'cause-1' };
/** The hand-written events are the ones the real decider decides, so the story is realistic. */
function expectDecided(
  history: readonly Given[],
  command: PurchaseOrderCommandMessage,
  then: readonly Given[],
) {
  const decided = given(
    purchaseOrderDecider,
    history.map((g) => g.event),
  ).when(command);
  expect(decided).toEqual(then.map((g) => g.event));
}
/** The document agrees with the decider's own state on every number it will decide on. */
function expectMirrorsDecider(document: PurchaseOrderDocument | null, history: readonly Given[]) {
  const state = history.reduce(
    (s, g) => evolvePurchaseOrder(s, g.event),
    purchaseOrderDecider.initialState,
  ) as OpenPurchaseOrderState;
  const numbers = (line: {
    poLineId: string;
    quantity: number;
    allocated: number;
    received: number;
    cancelled: boolean;
    eta: string | null;
    allocations: Iterable<{
      allocationId: string;
      outstanding: number;
      setAside: number;
      offered: number;
    }>;
  }) => ({
    poLineId: line.poLineId,
    quantity: line.quantity,
    allocated: line.allocated,
    received: line.received,
    cancelled: line.cancelled,
    eta: line.eta,
    allocations: [...line.allocations].map(({ allocationId, outstanding, setAside, offered }) => ({
      allocationId,
      outstanding,
      setAside,
      offered,
    })),
  });
  expect(document?.status).toBe(state.status);
  expect(document?.lines.map(numbers)).toEqual(
    [...state.lines.values()].map((l) =>
      numbers({ ...l, allocated: allocated(l), allocations: l.allocations.values() }),
    ),
  );
}

const poId = 'po-45';
const opened = po(
  'PurchaseOrderOpened',
  {
    poId,
    number: 'PO-000045',
    vendorId: 'v-nourison',
    vendorName: 'Nourison Rugs',
    consolidation: { policy: 'daily', windowKey: '2026-10-28', generation: 1 },
  },
  '2026-10-28T15:12:01.000Z',
  'dana.sales',
);
const herizAdded = po(
  'PurchaseOrderLineAdded',
  { poId, poLineId: 'pol-heriz', product: heriz, quantity: 1, unitCost: heriz.cost },
  '2026-10-28T15:12:01.000Z',
  'dana.sales',
);
const annAllocated = po(
  'PurchaseOrderLineAllocated',
  { poId, poLineId: 'pol-heriz', poNumber: 'PO-000045', allocation: ann },
  '2026-10-28T15:12:01.000Z',
  'dana.sales',
);
const herizRaised = po(
  'PurchaseOrderLineQuantityChanged',
  { poId, poLineId: 'pol-heriz', from: 1, to: 2, reason: 'for BO-000124' },
  '2026-10-29T10:40:02.000Z',
  'eli.sales',
);
const bobAllocated = po(
  'PurchaseOrderLineAllocated',
  { poId, poLineId: 'pol-heriz', poNumber: 'PO-000045', allocation: bob },
  '2026-10-29T10:40:02.000Z',
  'eli.sales',
);
const kazakAdded = po(
  'PurchaseOrderLineAdded',
  { poId, poLineId: 'pol-kazak', product: kazak, quantity: 1, unitCost: kazak.cost },
  '2026-10-30T16:05:01.000Z',
  'dana.sales',
);
const caraAllocated = po(
  'PurchaseOrderLineAllocated',
  { poId, poLineId: 'pol-kazak', poNumber: 'PO-000045', allocation: cara },
  '2026-10-30T16:05:01.000Z',
  'dana.sales',
);
const placed = [
  opened,
  herizAdded,
  annAllocated,
  herizRaised,
  bobAllocated,
  kazakAdded,
  caraAllocated,
];
const everyone = [
  affected(ann, 'pol-heriz'),
  affected(bob, 'pol-heriz'),
  affected(cara, 'pol-kazak'),
];
const submitted = po(
  'PurchaseOrderSubmitted',
  { poId, affected: everyone },
  '2026-10-31T08:00:00.000Z',
);
const acknowledged = po(
  'PurchaseOrderAcknowledged',
  {
    poId,
    vendorReference: 'NR-SO-88812',
    etas: [
      { poLineId: 'pol-heriz', eta: '2026-12-01' },
      { poLineId: 'pol-kazak', eta: '2026-12-05' },
    ],
    affected: everyone,
  },
  '2026-11-02T14:30:00.000Z',
);
const etaRevised = po(
  'PurchaseOrderLineEtaRevised',
  {
    poId,
    poLineId: 'pol-heriz',
    previous: '2026-12-01',
    eta: '2026-12-15',
    source: 'vendor',
    reason: 'dye lot delayed at the mill',
    affected: [affected(ann, 'pol-heriz'), affected(bob, 'pol-heriz')],
  },
  '2026-11-20T11:00:00.000Z',
  'lee.purchasing',
);
const firstReceipt = po(
  'PurchaseOrderReceiptRecorded',
  {
    poId,
    receiptId: 'r-1',
    poNumber: 'PO-000045',
    vendorId: 'v-nourison',
    vendorName: 'Nourison Rugs',
    lines: [
      {
        poLineId: 'pol-heriz',
        product: heriz,
        ordered: 2,
        receivedBefore: 0,
        quantity: 1,
        over: 0,
        short: 1,
        setAside: [held(ann)],
        toStock: 0,
        substitution: null,
      },
      {
        poLineId: 'pol-kazak',
        product: kazak,
        ordered: 1,
        receivedBefore: 0,
        quantity: 0,
        over: 0,
        short: 1,
        setAside: [],
        toStock: 0,
        substitution: { product: kazakRust, quantity: 1, offered: [held(cara)], toStock: 0 },
      },
    ],
    status: 'partially-received',
  },
  '2026-12-14T09:30:00.000Z',
  'sam.receiving',
);
const substituteAccepted = po(
  'PurchaseOrderSubstitutionResolved',
  {
    poId,
    receiptId: 'r-1',
    poLineId: 'pol-kazak',
    allocationId: 'al-cara',
    backorderId: 'bo-125',
    lineId: 'bol-125-2',
    quantity: 1,
    accepted: true,
    status: 'partially-received',
  },
  '2026-12-15T12:00:00.000Z',
  'dana.sales',
);
const secondReceipt = po(
  'PurchaseOrderReceiptRecorded',
  {
    poId,
    receiptId: 'r-2',
    poNumber: 'PO-000045',
    vendorId: 'v-nourison',
    vendorName: 'Nourison Rugs',
    lines: [
      {
        poLineId: 'pol-heriz',
        product: heriz,
        ordered: 2,
        receivedBefore: 1,
        quantity: 2,
        over: 1,
        short: 0,
        setAside: [held(bob)],
        toStock: 1,
        substitution: null,
      },
    ],
    status: 'received',
  },
  '2026-12-18T10:00:00.000Z',
  'sam.receiving',
);
const closed = po(
  'PurchaseOrderClosed',
  { poId, poNumber: 'PO-000045', reason: 'all goods in', affected: [] },
  '2026-12-18T10:05:00.000Z',
);
const story = [
  ...placed,
  submitted,
  acknowledged,
  etaRevised,
  firstReceipt,
  substituteAccepted,
  secondReceipt,
  closed,
];

const allocationView = (a: Allocation, outstanding: number, setAside = 0, offered = 0) => ({
  ...a,
  outstanding,
  setAside,
  offered,
});
const acknowledgedEta = (eta: string) => ({
  at: '2026-11-02T14:30:00.000Z',
  eta,
  previous: null,
  change: 'acknowledged',
  source: 'vendor',
  reason: null,
  who: 'kim.purchasing',
});

describe('purchase orders projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(purchaseOrdersProjection)));
  afterEach(() => harness.close());

  const assembled = async (id: string): Promise<PurchaseOrderDocument | null> => {
    const stored = await harness.document<StoredPurchaseOrder>('purchase_orders', id);
    const allocations = (await harness.all('purchase_order_allocations')).filter(
      (a) => a.poId === id,
    );
    return stored && withAllocations(stored, allocations as PurchaseOrderAllocationDocument[]);
  };
  const projected = async (...events: Given[]) => {
    await harness.apply(record(...events));
    const document = await assembled(poId);
    expectMirrorsDecider(document, events);
    return document;
  };

  it('collects a second customer on the same line when orders consolidate', async () => {
    expectDecided(
      [opened, herizAdded, annAllocated],
      new AllocateToPurchaseOrder(poId, opened.event.data, 'pol-unused', heriz, bob, context),
      [herizRaised, bobAllocated],
    );
    expect(await projected(opened, herizAdded, annAllocated, herizRaised, bobAllocated)).toEqual({
      id: poId,
      number: 'PO-000045',
      vendorId: 'v-nourison',
      vendorName: 'Nourison Rugs',
      status: 'draft',
      origin: { kind: 'consolidated', policy: 'daily', windowKey: '2026-10-28', generation: 1 },
      openedAt: '2026-10-28T15:12:01.000Z',
      submittedAt: null,
      acknowledgedAt: null,
      vendorReference: null,
      closedAt: null,
      closeReason: null,
      cancelledAt: null,
      cancelReason: null,
      lines: [
        {
          poLineId: 'pol-heriz',
          product: heriz,
          quantity: 2,
          unitCost: usd(120000),
          lineTotal: usd(240000),
          cancelled: false,
          cancelledAt: null,
          cancelReason: null,
          received: 0,
          outstanding: 2,
          forStock: 0,
          eta: null,
          etaHistory: [],
          quantityChanges: [],
          allocated: 2,
          allocations: [allocationView(ann, 1), allocationView(bob, 1)],
        },
      ],
      receipts: [],
      totals: { cost: usd(240000) },
      counts: { lines: 1, units: 2, unitsForCustomers: 2, unitsForStock: 0 },
      updatedAt: '2026-10-29T10:40:02.000Z',
    });
  });

  it('keeps the acknowledged ETA of each line and every revision, with who and why', async () => {
    const document = await projected(...placed, submitted, acknowledged, etaRevised);
    expect(document).toMatchObject({
      status: 'acknowledged',
      submittedAt: '2026-10-31T08:00:00.000Z',
      acknowledgedAt: '2026-11-02T14:30:00.000Z',
      vendorReference: 'NR-SO-88812',
      updatedAt: '2026-11-20T11:00:00.000Z',
    });
    expect(document?.lines.map(({ eta, etaHistory }) => ({ eta, etaHistory }))).toEqual([
      {
        eta: '2026-12-15',
        etaHistory: [
          acknowledgedEta('2026-12-01'),
          {
            at: '2026-11-20T11:00:00.000Z',
            eta: '2026-12-15',
            previous: '2026-12-01',
            change: 'revised',
            source: 'vendor',
            reason: 'dye lot delayed at the mill',
            who: 'lee.purchasing',
          },
        ],
      },
      { eta: '2026-12-05', etaHistory: [acknowledgedEta('2026-12-05')] },
    ]);
  });

  it('sets a partial receipt aside for the oldest order and offers the substitute', async () => {
    const history = [...placed, submitted, acknowledged, etaRevised];
    expectDecided(
      history,
      new RecordReceipt(
        poId,
        'r-1',
        [
          { poLineId: 'pol-heriz', quantity: 1, substitution: null },
          { poLineId: 'pol-kazak', quantity: 0, substitution: { product: kazakRust, quantity: 1 } },
        ],
        'oldest-first',
        context,
      ),
      [firstReceipt],
    );
    const document = await projected(...history, firstReceipt);
    expect(document).toMatchObject({
      status: 'partially-received',
      receipts: [{ receiptId: 'r-1', receivedAt: '2026-12-14T09:30:00.000Z', units: 1 }],
      counts: { lines: 2, units: 3, unitsForCustomers: 3, unitsForStock: 0 },
    });
    expect(
      document?.lines.map(({ received, outstanding, forStock, allocations }) => ({
        received,
        outstanding,
        forStock,
        allocations,
      })),
    ).toEqual([
      {
        received: 1,
        outstanding: 1,
        forStock: 0,
        allocations: [allocationView(ann, 0, 1), allocationView(bob, 1)],
      },
      { received: 0, outstanding: 1, forStock: 0, allocations: [allocationView(cara, 1, 0, 1)] },
    ]);
  });

  it('holds an accepted substitute for the customer and sends over-received units to stock', async () => {
    expectDecided(
      [...placed, submitted, acknowledged, etaRevised, firstReceipt, substituteAccepted],
      new RecordReceipt(
        poId,
        'r-2',
        [{ poLineId: 'pol-heriz', quantity: 2, substitution: null }],
        'oldest-first',
        context,
      ),
      [secondReceipt],
    );
    expect(await projected(...story)).toEqual({
      id: poId,
      number: 'PO-000045',
      vendorId: 'v-nourison',
      vendorName: 'Nourison Rugs',
      status: 'closed',
      origin: { kind: 'consolidated', policy: 'daily', windowKey: '2026-10-28', generation: 1 },
      openedAt: '2026-10-28T15:12:01.000Z',
      submittedAt: '2026-10-31T08:00:00.000Z',
      acknowledgedAt: '2026-11-02T14:30:00.000Z',
      vendorReference: 'NR-SO-88812',
      closedAt: '2026-12-18T10:05:00.000Z',
      closeReason: 'all goods in',
      cancelledAt: null,
      cancelReason: null,
      lines: [
        {
          poLineId: 'pol-heriz',
          product: heriz,
          quantity: 2,
          unitCost: usd(120000),
          lineTotal: usd(240000),
          cancelled: false,
          cancelledAt: null,
          cancelReason: null,
          received: 3,
          outstanding: 0,
          forStock: 0,
          eta: '2026-12-15',
          etaHistory: [
            acknowledgedEta('2026-12-01'),
            {
              at: '2026-11-20T11:00:00.000Z',
              eta: '2026-12-15',
              previous: '2026-12-01',
              change: 'revised',
              source: 'vendor',
              reason: 'dye lot delayed at the mill',
              who: 'lee.purchasing',
            },
          ],
          quantityChanges: [],
          allocated: 2,
          allocations: [allocationView(ann, 0, 1), allocationView(bob, 0, 1)],
        },
        {
          poLineId: 'pol-kazak',
          product: kazak,
          quantity: 1,
          unitCost: usd(35000),
          lineTotal: usd(35000),
          cancelled: false,
          cancelledAt: null,
          cancelReason: null,
          received: 1,
          outstanding: 0,
          forStock: 0,
          eta: '2026-12-05',
          etaHistory: [acknowledgedEta('2026-12-05')],
          quantityChanges: [],
          allocated: 1,
          allocations: [allocationView(cara, 0, 1)],
        },
      ],
      receipts: [
        { receiptId: 'r-1', receivedAt: '2026-12-14T09:30:00.000Z', units: 1 },
        { receiptId: 'r-2', receivedAt: '2026-12-18T10:00:00.000Z', units: 2 },
      ],
      totals: { cost: usd(275000) },
      counts: { lines: 2, units: 3, unitsForCustomers: 3, unitsForStock: 0 },
      updatedAt: '2026-12-18T10:05:00.000Z',
    });
  });

  it('keeps the customer waiting when a substitute is rejected', async () => {
    const rejected = po(
      'PurchaseOrderSubstitutionResolved',
      { ...substituteAccepted.event.data, accepted: false },
      '2026-12-15T12:00:00.000Z',
      'dana.sales',
    );
    const document = await projected(
      ...placed,
      submitted,
      acknowledged,
      etaRevised,
      firstReceipt,
      rejected,
    );
    expect(document?.lines[1]).toMatchObject({
      received: 0,
      outstanding: 1,
      allocations: [allocationView(cara, 1)],
    });
  });

  it('shrinks the PO line when a customer lets go before the vendor confirms', async () => {
    const history = [...placed, submitted];
    const bobReleased = po(
      'PurchaseOrderAllocationReleased',
      {
        poId,
        operationId: 'tr-1',
        poLineId: 'pol-heriz',
        allocationId: 'al-bob',
        backorderId: 'bo-124',
        lineId: 'bol-124-1',
        quantity: 1,
        heldReleased: 0,
        disposition: 'cancel-po-line',
        reason: 'customer chose another rug',
      },
      '2026-11-01T16:00:00.000Z',
      'eli.sales',
    );
    const herizReduced = po(
      'PurchaseOrderLineQuantityChanged',
      { poId, poLineId: 'pol-heriz', from: 2, to: 1, reason: 'customer chose another rug' },
      '2026-11-01T16:00:00.000Z',
      'eli.sales',
    );
    expectDecided(
      history,
      new ReleaseAllocation(
        poId,
        'al-bob',
        {
          quantity: 1,
          held: 99,
          disposition: 'cancel-po-line',
          operationId: 'tr-1',
          order: 'oldest-first',
          reason: 'customer chose another rug',
        },
        context,
      ),
      [bobReleased, herizReduced],
    );
    const document = await projected(...history, bobReleased, herizReduced);
    expect(document?.lines[0]).toMatchObject({
      quantity: 1,
      lineTotal: usd(120000),
      outstanding: 1,
      forStock: 0,
      quantityChanges: [
        {
          at: '2026-11-01T16:00:00.000Z',
          from: 2,
          to: 1,
          reason: 'customer chose another rug',
          who: 'eli.sales',
        },
      ],
      allocations: [allocationView(ann, 1)],
    });
    expect(document).toMatchObject({
      totals: { cost: usd(155000) },
      counts: { lines: 2, units: 2, unitsForCustomers: 2, unitsForStock: 0 },
    });
  });

  it('orders the units as stock when a customer lets go after the vendor confirmed', async () => {
    const caraReleased = po(
      'PurchaseOrderAllocationReleased',
      {
        poId,
        operationId: 'tr-cara',
        poLineId: 'pol-kazak',
        allocationId: 'al-cara',
        backorderId: 'bo-125',
        lineId: 'bol-125-2',
        quantity: 1,
        heldReleased: 0,
        disposition: 'keep-as-stock',
        reason: 'runner no longer wanted; sells well from the floor',
      },
      '2026-11-05T10:00:00.000Z',
      'dana.sales',
    );
    const document = await projected(...placed, submitted, acknowledged, caraReleased);
    expect(document?.lines[1]).toMatchObject({ quantity: 1, forStock: 1, allocations: [] });
    expect(document?.counts).toEqual({
      lines: 2,
      units: 3,
      unitsForCustomers: 2,
      unitsForStock: 1,
    });
  });

  it('hands a set-aside unit to the next waiting customer', async () => {
    const history = [...placed, submitted, acknowledged, etaRevised, firstReceipt];
    const handedOver = po(
      'PurchaseOrderAllocationTransferred',
      {
        poId,
        transferId: 'tr-2',
        poLineId: 'pol-heriz',
        productId: 'p-heriz',
        from: { allocationId: 'al-ann', backorderId: 'bo-123', lineId: 'bol-123-1' },
        to: held(bob),
        quantity: 1,
        units: 'set-aside',
        reason: 'Ann Smith cancelled; the rug goes to the next order',
      },
      '2026-12-14T15:00:00.000Z',
      'dana.sales',
    );
    expectDecided(
      history,
      new ReleaseAllocation(
        poId,
        'al-ann',
        {
          quantity: 1,
          held: 99,
          disposition: 'give-to-next-customer',
          operationId: 'tr-2',
          order: 'oldest-first',
          reason: 'Ann Smith cancelled; the rug goes to the next order',
        },
        context,
      ),
      [handedOver],
    );
    const document = await projected(...history, handedOver);
    expect(document?.lines[0]).toMatchObject({
      quantity: 2,
      received: 1,
      outstanding: 1,
      forStock: 1,
      allocations: [allocationView(bob, 0, 1)],
    });
  });

  it('shows a cancelled line, then a cancelled PO, with their reasons', async () => {
    const history = [...placed, submitted, acknowledged];
    const kazakCancelled = po(
      'PurchaseOrderLineCancelled',
      {
        poId,
        poLineId: 'pol-kazak',
        poNumber: 'PO-000045',
        reason: 'vendor discontinued the runner',
        affected: [{ ...affected(cara, 'pol-kazak'), quantity: 1 }],
      },
      '2026-11-03T09:00:00.000Z',
    );
    const cancelled = po(
      'PurchaseOrderCancelled',
      {
        poId,
        poNumber: 'PO-000045',
        reason: 'vendor cannot ship this season',
        affected: [
          { ...affected(ann, 'pol-heriz'), quantity: 1 },
          { ...affected(bob, 'pol-heriz'), quantity: 1 },
        ],
      },
      '2026-11-04T09:00:00.000Z',
    );
    expectDecided(
      history,
      new CancelPurchaseOrderLine(poId, 'pol-kazak', 'vendor discontinued the runner', context),
      [kazakCancelled],
    );
    const afterLine = await projected(...history, kazakCancelled);
    expect(afterLine?.lines[1]).toMatchObject({
      cancelled: true,
      cancelledAt: '2026-11-03T09:00:00.000Z',
      cancelReason: 'vendor discontinued the runner',
      outstanding: 0,
      forStock: 0,
      allocations: [allocationView(cara, 0)],
    });
    expect(afterLine).toMatchObject({
      status: 'acknowledged',
      totals: { cost: usd(240000) },
      counts: { lines: 1, units: 2, unitsForCustomers: 2, unitsForStock: 0 },
    });

    const afterPo = await projected(...history, kazakCancelled, cancelled);
    expect(afterPo).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2026-11-04T09:00:00.000Z',
      cancelReason: 'vendor cannot ship this season',
      closedAt: null,
    });
  });

  it('puts every unit of a PO made by hand in stock', async () => {
    const manual = po(
      'PurchaseOrderOpened',
      { ...opened.event.data, poId: 'po-46', number: 'PO-000046', consolidation: null },
      '2026-11-06T10:00:00.000Z',
    );
    const line = po(
      'PurchaseOrderLineAdded',
      { poId: 'po-46', poLineId: 'pol-1', product: kazak, quantity: 4, unitCost: usd(33000) },
      '2026-11-06T10:00:00.000Z',
    );
    await harness.apply(record(manual, line));
    expect(await harness.document('purchase_orders', 'po-46')).toMatchObject({
      origin: { kind: 'manual' },
      lines: [{ quantity: 4, lineTotal: usd(132000), outstanding: 4, forStock: 4 }],
      totals: { cost: usd(132000) },
      counts: { lines: 1, units: 4, unitsForCustomers: 0, unitsForStock: 4 },
    });
  });

  it('is unchanged when the events are delivered again, whole or overlapping', async () => {
    const events = record(...story);
    await harness.apply(events);
    const once = await harness.all('purchase_orders');
    const again = await harness.apply(events);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('purchase_orders')).toEqual(once);

    const overlapping = await projectionHarness(purchaseOrdersProjection);
    try {
      await overlapping.apply(events.slice(0, 10));
      await overlapping.apply(events.slice(6));
      expect(await overlapping.all('purchase_orders')).toEqual(once);
    } finally {
      await overlapping.close();
    }
  });

  it('lists a vendor’s POs by status and finds them by number or vendor name', async () => {
    await harness.apply(record(...placed));
    const drafts = await harness.store.find('purchase_orders_v2', {
      where: { vendorId: 'v-nourison', status: 'draft' },
      sort: [['openedAt', 'desc']],
    });
    expect(drafts.items.map((d) => d.id)).toEqual([poId]);
    for (const words of ['PO-000045', 'nourison']) {
      const hits = await harness.store.search('purchase_orders_v2', words);
      expect(hits.items.map((h) => h.document.id)).toEqual([poId]);
    }
  });

  describe('receiving view', () => {
    it('shows for whom the units still due are, oldest order first, the rest for stock', async () => {
      const document = await projected(...placed, submitted, acknowledged, etaRevised);
      const view = receivingView(document!, 'oldest-first');
      expect(view).toMatchObject({ number: 'PO-000045', receivable: true });
      expect(view.lines[0]).toEqual({
        poLineId: 'pol-heriz',
        product: heriz,
        ordered: 2,
        received: 0,
        expected: 2,
        eta: '2026-12-15',
        forCustomers: [
          {
            allocationId: 'al-ann',
            backorderId: 'bo-123',
            backorderNumber: 'BO-000123',
            lineId: 'bol-123-1',
            customerName: 'Ann Smith',
            quantity: 1,
            placedAt: ann.placedAt,
            priority: 0,
          },
          {
            allocationId: 'al-bob',
            backorderId: 'bo-124',
            backorderNumber: 'BO-000124',
            lineId: 'bol-124-1',
            customerName: 'Bob Lee',
            quantity: 1,
            placedAt: bob.placedAt,
            priority: 5,
          },
        ],
        awaitingSubstituteDecision: [],
        forStock: 0,
      });
    });

    it('serves the higher priority first when the store receives by priority', async () => {
      const document = await projected(...placed, submitted);
      const customers = (order: 'oldest-first' | 'priority') =>
        receivingView(document!, order).lines[0].forCustomers.map((c) => c.customerName);
      expect(customers('oldest-first')).toEqual(['Ann Smith', 'Bob Lee']);
      expect(customers('priority')).toEqual(['Bob Lee', 'Ann Smith']);
    });

    it('skips a customer deciding on a substitute: arriving units would go to stock', async () => {
      const document = await projected(
        ...placed,
        submitted,
        acknowledged,
        etaRevised,
        firstReceipt,
      );
      const [herizLine, kazakLine] = receivingView(document!, 'oldest-first').lines;
      expect(herizLine).toMatchObject({ expected: 1, forStock: 0 });
      expect(herizLine.forCustomers.map((c) => [c.customerName, c.quantity])).toEqual([
        ['Bob Lee', 1],
      ]);
      expect(kazakLine).toMatchObject({ expected: 1, forCustomers: [], forStock: 1 });
      expect(kazakLine.awaitingSubstituteDecision.map((c) => [c.customerName, c.quantity])).toEqual(
        [['Cara Jones', 1]],
      );
    });

    it('expects nothing more once the PO is closed', async () => {
      const view = receivingView((await projected(...story))!, 'oldest-first');
      expect(view.receivable).toBe(false);
      expect(view.lines.map((l) => [l.expected, l.forCustomers.length, l.forStock])).toEqual([
        [0, 0, 0],
        [0, 0, 0],
      ]);
    });
  });
});
