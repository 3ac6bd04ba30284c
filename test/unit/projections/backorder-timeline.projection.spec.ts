import {
  type BackorderTimeline,
  backorderTimelineProjection,
} from '../../../projections/backorders/backorder-timeline.projection';
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
  ClosePurchaseOrder,
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
  name: 'Heriz',
  size: `5'3" x 7'6"`,
});
const kashan = productSnapshot({
  productId: 'p-kashan',
  vendorId: 'v-safavieh',
  vendorName: 'Safavieh',
  name: 'Kashan 8x10',
  size: '8x10',
});
const ann = customerSnapshot({ customerId: 'c-ann', name: 'Ann Lee', email: 'ann@example.com' });
const bob = customerSnapshot({ customerId: 'c-bob', name: 'Bob Stone', email: 'bob@example.com' });
const placement = { processManager: 'purchase-order-placement' };

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

/** Ann's Heriz and Bob's Heriz (both "line l-1" of their orders) on PO-000045; Ann's Kashan is in stock. */
function story() {
  const s = shop();
  s.backorder(
    new PlaceBackorder(
      'bo-1',
      'BO-000123',
      ann,
      'sam',
      '2026-11-01T09:00:00.000Z',
      0,
      null,
      [
        placedLine({ lineId: 'l-1', product: heriz, quantity: 1 }),
        placedLine({ lineId: 'l-2', product: kashan, quantity: 1, availableInStock: 2 }),
      ],
      context,
    ),
    { actor: 'sam' },
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
    { actor: 'sam' },
  );
  const opening = {
    number: 'PO-000045',
    vendorId: 'v-nourison',
    vendorName: 'Nourison',
    consolidation: { policy: 'daily', windowKey: '2026-11-01', generation: 0 },
  };
  for (const [backorderId, number, customer, allocationId, placedAt] of [
    ['bo-1', 'BO-000123', ann, 'a-ann', '2026-11-01T09:00:00.000Z'],
    ['bo-2', 'BO-000124', bob, 'a-bob', '2026-11-01T10:00:00.000Z'],
  ] as const) {
    const claim = allocation({
      allocationId,
      backorderId,
      backorderNumber: number,
      lineId: 'l-1',
      customerId: customer.customerId,
      customerName: customer.name,
      placedAt,
    });
    s.po(new AllocateToPurchaseOrder('po-45', opening, 'pl-1', heriz, claim, context), {
      actor: 'sam',
      ...placement,
    });
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
          quantity: 1,
        },
        context,
      ),
      { actor: 'sam', ...placement },
    );
  }
  s.po(new SubmitPurchaseOrder('po-45', context), { actor: 'kim' });
  s.po(
    new AcknowledgePurchaseOrder(
      'po-45',
      'NR-7781',
      [{ poLineId: 'pl-1', eta: '2026-12-01' }],
      context,
    ),
    { actor: 'kim' },
  );
  s.po(
    new RevisePurchaseOrderEta(
      'po-45',
      'pl-1',
      '2026-12-09',
      'vendor',
      'container delayed',
      context,
    ),
    { actor: 'kim' },
  );
  return s;
}

describe('backorder timeline projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(backorderTimelineProjection)));
  afterEach(() => harness.close());

  const timeline = (id: string) => harness.document<BackorderTimeline>('timelines', id);

  it('tells an order from placement to pickup in plain words, in log order', async () => {
    const s = story();
    s.po(
      new RecordReceipt(
        'po-45',
        'r-1',
        [{ poLineId: 'pl-1', quantity: 1, substitution: null }],
        'oldest-first',
        context,
      ),
      { actor: 'lou' },
    );
    s.backorder(
      new SetAsideLineUnits(
        'bo-1',
        'l-1',
        'r-1:a-ann',
        1,
        'a-ann',
        'receipt of PO-000045',
        context,
      ),
      { actor: 'lou', processManager: 'receiving' },
    );
    s.backorder(new LinkLineToStock('bo-1', 'l-2', 1, 'op-1', context), { actor: 'sam' });
    s.backorder(
      new RecordReadyNotice(
        'bo-1',
        ['l-1', 'l-2'],
        'email',
        'ann@example.com',
        '2026-12-10T15:00:00.000Z',
        context,
      ),
      { actor: 'lou', processManager: 'ready-notices' },
    );
    s.backorder(new FulfilLine('bo-1', 'l-1', 'pickup', context), { actor: 'sam' });
    s.backorder(new FulfilLine('bo-1', 'l-2', 'pickup', context), { actor: 'sam' });
    await harness.apply(s.log);

    const doc = await timeline('bo-1');
    expect(doc!.entries.map((e) => e.what)).toEqual([
      `Order BO-000123 placed for Ann Lee (salesperson sam): 1 × Heriz 5'3" x 7'6", 1 × Kashan 8x10; line 2 (Kashan 8x10) has 2 units in stock to link`,
      `Line 1 (Heriz 5'3" x 7'6") added to PO-000045 at Nourison (1 unit)`,
      `PO-000045 sent to the vendor with line 1 (Heriz 5'3" x 7'6")`,
      `PO-000045 confirmed by the vendor (vendor reference NR-7781): line 1 (Heriz 5'3" x 7'6") expected 2026-12-01`,
      `ETA for PO-000045 line revised from 2026-12-01 to 2026-12-09 by the vendor, for line 1 (Heriz 5'3" x 7'6")`,
      `1 unit of line 1 (Heriz 5'3" x 7'6") set aside on arrival (receipt r-1 on PO-000045)`,
      `1 unit of line 1 (Heriz 5'3" x 7'6") set aside for Ann Lee (receipt of PO-000045)`,
      `Line 2 (Kashan 8x10) linked to 1 unit in stock`,
      `Ready-for-pickup notice sent by email to ann@example.com for line 1 (Heriz 5'3" x 7'6"), line 2 (Kashan 8x10)`,
      `Line 1 (Heriz 5'3" x 7'6") picked up (1 unit)`,
      `Line 2 (Kashan 8x10) picked up (1 unit)`,
      'Order closed: every line was handed over',
    ]);
    expect(doc!.entries.map((e) => e.eventType)).toEqual([
      'BackorderPlaced',
      'BackorderLineOnPurchaseOrder',
      'PurchaseOrderSubmitted',
      'PurchaseOrderAcknowledged',
      'PurchaseOrderLineEtaRevised',
      'PurchaseOrderReceiptRecorded',
      'BackorderLineUnitsSetAside',
      'BackorderLineLinkedToStock',
      'BackorderReadyNoticeRecorded',
      'BackorderLineFulfilled',
      'BackorderLineFulfilled',
      'BackorderClosed',
    ]);
    const byId = new Map(s.log.map((e) => [e.id, e]));
    expect(doc!.entries.every((e) => byId.get(e.eventId)?.type === e.eventType)).toBe(true);
    const revised = doc!.entries[4];
    expect(revised).toMatchObject({
      who: 'kim',
      via: null,
      why: 'container delayed',
      eventType: 'PurchaseOrderLineEtaRevised',
    });
    expect(doc!.entries[1]).toMatchObject({
      who: 'sam',
      via: 'purchase-order-placement',
      why: null,
    });
    expect(doc!.entries[8]).toMatchObject({ who: 'lou', via: 'ready-notices' });
    const positions = doc!.entries.map((e) => e.position.commit);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(doc!.entries[0].at).toBe(s.log[0].metadata.occurredAt);
    expect(doc!.entries[0].recordedAt).toBe(s.log[0].recordedAt);
  });

  it("keeps another customer's events out, and tells each order what the PO means to it", async () => {
    const s = story();
    s.po(
      new RecordReceipt(
        'po-45',
        'r-1',
        [{ poLineId: 'pl-1', quantity: 1, substitution: null }],
        'oldest-first',
        context,
      ),
    );
    s.po(new ClosePurchaseOrder('po-45', 'vendor discontinued the design', context));
    s.backorder(
      new RaiseLineException(
        'bo-2',
        'l-1',
        { allocationId: 'a-bob', poId: 'po-45', poNumber: 'PO-000045' },
        'PO-000045 was closed without these units: vendor discontinued the design',
        context,
      ),
      { processManager: 'purchase-order-exceptions' },
    );
    await harness.apply(s.log);

    const bobs = await timeline('bo-2');
    expect(bobs!.entries.map((e) => e.what)).toEqual([
      `Order BO-000124 placed for Bob Stone (salesperson sam): 1 × Heriz 5'3" x 7'6"`,
      `Line 1 (Heriz 5'3" x 7'6") added to PO-000045 at Nourison (1 unit)`,
      `PO-000045 sent to the vendor with line 1 (Heriz 5'3" x 7'6")`,
      `PO-000045 confirmed by the vendor (vendor reference NR-7781): line 1 (Heriz 5'3" x 7'6") expected 2026-12-01`,
      `ETA for PO-000045 line revised from 2026-12-01 to 2026-12-09 by the vendor, for line 1 (Heriz 5'3" x 7'6")`,
      `PO-000045 closed without the units still due for line 1 (Heriz 5'3" x 7'6")`,
      `Line 1 (Heriz 5'3" x 7'6") needs a decision: 1 unit on PO-000045 will not come`,
    ]);
    expect(bobs!.entries[5].why).toBe('vendor discontinued the design');
    expect(bobs!.entries[6]).toMatchObject({
      why: 'PO-000045 was closed without these units: vendor discontinued the design',
      via: 'purchase-order-exceptions',
    });
    // Ann's unit arrived first; her order is not among the lines the short close leaves waiting.
    const anns = await timeline('bo-1');
    expect(anns!.entries.map((e) => e.eventType)).toContain('PurchaseOrderReceiptRecorded');
    expect(anns!.entries.map((e) => e.eventType)).not.toContain('PurchaseOrderClosed');
  });

  it('is unchanged when the events are delivered again, whole or in part', async () => {
    const s = story();
    await harness.apply(s.log);
    const once = await harness.all('timelines');
    const again = await harness.apply(s.log);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('timelines')).toEqual(once);

    const fresh = await projectionHarness(backorderTimelineProjection);
    try {
      await fresh.apply(s.log.slice(0, 6));
      await fresh.apply(s.log.slice(2));
      expect(await fresh.all('timelines')).toEqual(once);
    } finally {
      await fresh.close();
    }
  });
});
