import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { backorderProjections } from '../../../projections/backorders';
import { BackorderAsOf } from '../../../src/backorders/backorder-as-of';
import {
  type BackorderCommandMessage,
  PlaceBackorder,
  RecordLineOnPurchaseOrder,
} from '../../../src/backorders/backorder.commands';
import { backorderDecider } from '../../../src/backorders/backorder.decider';
import {
  GetBackorder,
  GetBackorderHandler,
  GetBackorderTimeline,
  GetBackorderTimelineHandler,
  ListBackorders,
  ListBackordersHandler,
  Lookup,
  LookupHandler,
} from '../../../src/backorders/backorder.queries';
import {
  AcknowledgePurchaseOrder,
  AllocateToPurchaseOrder,
  type PurchaseOrderCommandMessage,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from '../../../src/purchasing/purchase-order.commands';
import { purchaseOrderDecider } from '../../../src/purchasing/purchase-order.decider';
import type { Decider, DomainEvent } from '../../../src/shared/domain/decider';
import type { Position } from '../../../src/shared/eventstore/event-envelope';
import { newEventId } from '../../../src/shared/eventstore/event-ids';
import { SqliteEventStore } from '../../../src/shared/eventstore/sqlite-event-store';
import { streams } from '../../../src/shared/eventstore/stream-names';
import { ProjectionEngine } from '../../../src/shared/projections/projection-engine';
import { ReadModels } from '../../../src/shared/projections/read-models';
import { SqliteReadModelStore } from '../../../src/shared/readmodels/sqlite-read-model-store';
import {
  allocation,
  context,
  customerSnapshot,
  placedLine,
  productSnapshot,
} from '../../support/domain-fixtures';
import { metadata } from '../../support/events';
import { tempDir } from '../../support/temp-dir';

const heriz = productSnapshot({
  productId: 'p-heriz',
  vendorId: 'v-nourison',
  name: 'Heriz',
  size: `5'3" x 7'6"`,
});
const kashan = productSnapshot({ productId: 'p-kashan', vendorId: 'v-safavieh', name: 'Kashan' });
const ann = customerSnapshot({
  customerId: 'c-ann',
  name: 'Ann Lee',
  phone: '(201) 555-0100',
  email: 'ann@example.com',
});
const bob = customerSnapshot({
  customerId: 'c-bob',
  name: 'Bob Stone',
  phone: '201 555 0199',
  email: 'bob@example.com',
});

/** Projections going live is routine here; a failure would still be logged. */
const quiet = new Logger('test');
quiet.log = () => undefined;

/** The query handlers on the real engine, running the backorder projections over a real log. */
describe('backorder queries', () => {
  let dir: ReturnType<typeof tempDir>;
  let events: SqliteEventStore;
  let readStore: SqliteReadModelStore;
  let engine: ProjectionEngine;
  let readModels: ReadModels;
  let position: Position;
  const states = new Map<string, unknown>();

  async function run<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
  ) {
    const state = (states.get(stream) as S | undefined) ?? decider.initialState;
    const decided = decider.decide(command, state);
    states.set(stream, decided.reduce(decider.evolve, state));
    const newEvents = decided.map((e) => ({
      id: newEventId(),
      type: e.type,
      data: e.data,
      metadata: metadata(),
    }));
    position = (await events.append(stream, newEvents, 'any')).position;
  }
  const backorder = (command: BackorderCommandMessage) =>
    run(backorderDecider, streams.backorder(command.backorderId), command);
  const po = (command: PurchaseOrderCommandMessage) =>
    run(purchaseOrderDecider, streams.purchaseOrder(command.poId), command);

  beforeAll(async () => {
    dir = tempDir();
    events = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    readStore = new SqliteReadModelStore({ file: join(dir.path, 'read-models.sqlite') });
    engine = new ProjectionEngine(events, readStore, backorderProjections, quiet);
    await engine.start();
    readModels = new ReadModels(readStore, engine);

    await backorder(
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
          placedLine({ lineId: 'l-2', product: kashan, quantity: 1, availableInStock: 1 }),
        ],
        context,
      ),
    );
    await backorder(
      new PlaceBackorder(
        'bo-2',
        'BO-000124',
        bob,
        'sam',
        '2026-11-02T09:00:00.000Z',
        0,
        null,
        [placedLine({ lineId: 'l-1', product: kashan, quantity: 1 })],
        context,
      ),
    );
    const opening = {
      number: 'PO-000045',
      vendorId: 'v-nourison',
      vendorName: 'Nourison',
      consolidation: null,
    };
    const claim = allocation({ allocationId: 'a-1', backorderId: 'bo-1', lineId: 'l-1' });
    await po(new AllocateToPurchaseOrder('po-45', opening, 'pl-1', heriz, claim, context));
    await backorder(
      new RecordLineOnPurchaseOrder(
        'bo-1',
        'l-1',
        {
          allocationId: 'a-1',
          poId: 'po-45',
          poNumber: 'PO-000045',
          poLineId: 'pl-1',
          vendorId: 'v-nourison',
          quantity: 1,
        },
        context,
      ),
    );
    await po(new SubmitPurchaseOrder('po-45', context));
    await po(
      new AcknowledgePurchaseOrder(
        'po-45',
        null,
        [{ poLineId: 'pl-1', eta: '2026-12-01' }],
        context,
      ),
    );
    await po(new RevisePurchaseOrderEta('po-45', 'pl-1', '2026-12-09', 'vendor', null, context));
  });

  afterAll(async () => {
    await engine.stop();
    await readStore.close();
    await events.close();
    dir.remove();
  });

  it('reads its own writes: an order with the ETA just revised', async () => {
    const order = await new GetBackorderHandler(readModels, new BackorderAsOf(events)).execute(
      new GetBackorder('bo-1', null, position),
    );
    expect(order).toMatchObject({ id: 'bo-1', eta: '2026-12-09' });
    expect(order!.lines[0].etaHistory.map((h) => h.eta)).toEqual(['2026-12-01', '2026-12-09']);
  });

  it('answers an as-of question from the log, and null for an order it does not know', async () => {
    const handler = new GetBackorderHandler(readModels, new BackorderAsOf(events));
    const later = new Date(Date.now() + 60_000).toISOString();
    const live = await handler.execute(new GetBackorder('bo-1', null, position));
    expect(await handler.execute(new GetBackorder('bo-1', later, null))).toEqual(live);
    expect(await handler.execute(new GetBackorder('bo-9', null, position))).toBeNull();
  });

  it('lists orders newest first, by order status, line status, customer or vendor', async () => {
    const list = new ListBackordersHandler(readModels);
    const ids = async (filter: ListBackorders['filter']) =>
      (await list.execute(new ListBackorders(filter, {}, position))).items.map((o) => o.id);
    expect(await ids({})).toEqual(['bo-2', 'bo-1']);
    expect(await ids({ status: 'open' })).toEqual(['bo-2', 'bo-1']);
    expect(await ids({ status: 'closed' })).toEqual([]);
    expect(await ids({ status: 'on-po' })).toEqual(['bo-1']);
    expect(await ids({ status: 'to-order' })).toEqual(['bo-2']);
    expect(await ids({ customerId: 'c-bob' })).toEqual(['bo-2']);
    expect(await ids({ vendorId: 'v-nourison' })).toEqual(['bo-1']);
    expect(await ids({ vendorId: 'v-safavieh', status: 'awaiting-link' })).toEqual(['bo-1']);

    const first = await list.execute(new ListBackorders({}, { limit: 1 }, position));
    const second = await list.execute(
      new ListBackorders({}, { limit: 1, cursor: first.nextCursor! }, position),
    );
    expect([...first.items, ...second.items].map((o) => o.id)).toEqual(['bo-2', 'bo-1']);
  });

  it('tells the caller where an order is, found by number, phone or email', async () => {
    const lookup = new LookupHandler(readModels);
    const expected = [
      {
        backorderId: 'bo-1',
        number: 'BO-000123',
        customerName: 'Ann Lee',
        placedAt: '2026-11-01T09:00:00.000Z',
        status: 'open',
        outcome: null,
        summary: '1 awaiting a stock decision, 1 on PO',
        eta: '2026-12-09',
        lines: [
          {
            lineId: 'l-1',
            lineNumber: 1,
            productName: 'Heriz',
            status: 'on-po',
            eta: '2026-12-09',
          },
          {
            lineId: 'l-2',
            lineNumber: 2,
            productName: 'Kashan',
            status: 'awaiting-link',
            eta: null,
          },
        ],
      },
    ];
    for (const q of ['123', 'BO-000123', '5550100', '201-555-0100', 'ANN@example.com']) {
      expect(await lookup.execute(new Lookup(q, 20, position))).toEqual(expected);
    }
    expect(await lookup.execute(new Lookup('no such customer'))).toEqual([]);
  });

  it('gives the timeline of an order', async () => {
    const timeline = await new GetBackorderTimelineHandler(readModels).execute(
      new GetBackorderTimeline('bo-1', position),
    );
    expect(timeline!.entries.map((e) => e.eventType)).toEqual([
      'BackorderPlaced',
      'BackorderLineOnPurchaseOrder',
      'PurchaseOrderSubmitted',
      'PurchaseOrderAcknowledged',
      'PurchaseOrderLineEtaRevised',
    ]);
  });
});
