import { join } from 'node:path';
import {
  type BackorderDetails,
  backorderDetailsProjection,
} from '../../../projections/backorders/backorder-details.projection';
import { BackorderAsOf } from '../../../src/backorders/backorder-as-of';
import {
  type BackorderCommandMessage,
  PlaceBackorder,
  RecordLineOnPurchaseOrder,
  SetAsideLineUnits,
} from '../../../src/backorders/backorder.commands';
import { backorderDecider } from '../../../src/backorders/backorder.decider';
import {
  AcknowledgePurchaseOrder,
  AllocateToPurchaseOrder,
  type PurchaseOrderCommandMessage,
  RecordReceipt,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from '../../../src/purchasing/purchase-order.commands';
import { purchaseOrderDecider } from '../../../src/purchasing/purchase-order.decider';
import type { Decider, DomainEvent } from '../../../src/shared/domain/decider';
import { newEventId } from '../../../src/shared/eventstore/event-ids';
import { SqliteEventStore } from '../../../src/shared/eventstore/sqlite-event-store';
import { streams } from '../../../src/shared/eventstore/stream-names';
import {
  allocation,
  context,
  customerSnapshot,
  placedLine,
  productSnapshot,
} from '../../support/domain-fixtures';
import { collect, metadata } from '../../support/events';
import { projectionHarness } from '../../support/projection-harness';
import { tempDir } from '../../support/temp-dir';

const heriz = productSnapshot({ productId: 'p-heriz', vendorId: 'v-nourison', name: 'Heriz' });
const ann = customerSnapshot({ customerId: 'c-ann', name: 'Ann Lee' });
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describe('backorder as of a moment', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let asOf: BackorderAsOf;
  const states = new Map<string, unknown>();

  beforeEach(() => {
    dir = tempDir();
    store = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    asOf = new BackorderAsOf(store);
    states.clear();
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  /** Decides with the real decider and appends to the real store, saying when it happened. */
  async function run<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
    occurredAt: string,
  ) {
    const state = (states.get(stream) as S | undefined) ?? decider.initialState;
    const decided = decider.decide(command, state);
    states.set(stream, decided.reduce(decider.evolve, state));
    await store.append(
      stream,
      decided.map((e) => ({
        id: newEventId(),
        type: e.type,
        data: e.data,
        metadata: metadata({ occurredAt }),
      })),
      'any',
    );
  }
  const backorder = (command: BackorderCommandMessage, at: string) =>
    run(backorderDecider, streams.backorder(command.backorderId), command, at);
  const po = (command: PurchaseOrderCommandMessage, at: string) =>
    run(purchaseOrderDecider, streams.purchaseOrder(command.poId), command, at);

  async function orderedAndAcknowledged() {
    await backorder(
      new PlaceBackorder(
        'bo-1',
        'BO-000123',
        ann,
        'sam',
        '2026-11-01T09:00:00.000Z',
        0,
        null,
        [placedLine({ lineId: 'l-1', product: heriz, quantity: 1 })],
        context,
      ),
      '2026-11-01T09:00:00.000Z',
    );
    const claim = allocation({ allocationId: 'a-1', backorderId: 'bo-1', lineId: 'l-1' });
    const opening = {
      number: 'PO-000045',
      vendorId: 'v-nourison',
      vendorName: 'Nourison',
      consolidation: null,
    };
    await po(
      new AllocateToPurchaseOrder('po-45', opening, 'pl-1', heriz, claim, context),
      '2026-11-01T09:00:01.000Z',
    );
    const order = { poId: 'po-45', poNumber: 'PO-000045', poLineId: 'pl-1', quantity: 1 };
    await backorder(
      new RecordLineOnPurchaseOrder(
        'bo-1',
        'l-1',
        { ...order, allocationId: 'a-1', vendorId: 'v-nourison' },
        context,
      ),
      '2026-11-01T09:00:02.000Z',
    );
    await po(new SubmitPurchaseOrder('po-45', context), '2026-11-02T10:00:00.000Z');
    await po(
      new AcknowledgePurchaseOrder(
        'po-45',
        null,
        [{ poLineId: 'pl-1', eta: '2026-12-01' }],
        context,
      ),
      '2026-11-03T10:00:00.000Z',
    );
  }

  it('answers with what the log had recorded by then, whatever date the events carry', async () => {
    await orderedAndAcknowledged();
    const acknowledged = (await store.head())!.recordedAt;
    await pause();
    // The vendor's letter is dated before the acknowledgement was typed in, but recorded after it.
    await po(
      new RevisePurchaseOrderEta(
        'po-45',
        'pl-1',
        '2026-12-09',
        'vendor',
        'container delayed',
        context,
      ),
      '2026-11-01T00:00:00.000Z',
    );
    await po(
      new RecordReceipt(
        'po-45',
        'r-1',
        [{ poLineId: 'pl-1', quantity: 1, substitution: null }],
        'oldest-first',
        context,
      ),
      '2026-12-09T14:00:00.000Z',
    );
    await backorder(
      new SetAsideLineUnits('bo-1', 'l-1', 'r-1:a-1', 1, 'a-1', 'receipt of PO-000045', context),
      '2026-12-09T14:00:01.000Z',
    );

    const then = await asOf.at('bo-1', acknowledged);
    expect(then!.lines[0]).toMatchObject({ status: 'on-po', eta: '2026-12-01' });
    expect(then!.lines[0].etaHistory.map((h) => h.eta)).toEqual(['2026-12-01']);
    expect(then!.eta).toBe('2026-12-01');

    const now = await asOf.at('bo-1', new Date(Date.now() + 60_000).toISOString());
    expect(now!.lines[0]).toMatchObject({ status: 'set-aside', eta: null, reserved: 1 });
    expect(now!.lines[0].etaHistory.map((h) => h.eta)).toEqual(['2026-12-01', '2026-12-09']);
  });

  it('folds the order and its POs exactly as the live projection does', async () => {
    await orderedAndAcknowledged();
    await po(
      new RevisePurchaseOrderEta('po-45', 'pl-1', '2026-12-09', 'staff', null, context),
      '2026-11-04T10:00:00.000Z',
    );
    const live = await projectionHarness(backorderDetailsProjection);
    try {
      await live.apply(await collect(store.readAll()));
      const projected = await live.document<BackorderDetails>('backorders', 'bo-1');
      const head = (await store.head())!.recordedAt;
      expect(await asOf.at('bo-1', head)).toEqual(projected);
    } finally {
      await live.close();
    }
  });

  it('knows no order before it was placed, and refuses a time it cannot read', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    await orderedAndAcknowledged();
    expect(await asOf.at('bo-1', before)).toBeNull();
    expect(await asOf.at('bo-unknown', new Date().toISOString())).toBeNull();
    await expect(asOf.at('bo-1', 'yesterday')).rejects.toThrow(RangeError);
  });
});
