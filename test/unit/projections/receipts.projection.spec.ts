import {
  type ReceiptDocument,
  receiptsProjection,
} from '../../../projections/purchasing/receipts.projection';
import type { ProductSnapshot } from '../../../src/catalog/product-snapshot';
import type {
  PurchaseOrderReceiptRecorded,
  PurchaseOrderSubstitutionResolved,
  SetAsideUnits,
} from '../../../src/purchasing/purchase-order.events';
import type { Money } from '../../../src/shared/domain/money';
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

const forAnn: SetAsideUnits = {
  allocationId: 'al-ann',
  backorderId: 'bo-123',
  backorderNumber: 'BO-000123',
  lineId: 'bol-123-1',
  customerName: 'Ann Smith',
  quantity: 1,
};
const forBob: SetAsideUnits = {
  allocationId: 'al-bob',
  backorderId: 'bo-124',
  backorderNumber: 'BO-000124',
  lineId: 'bol-124-1',
  customerName: 'Bob Lee',
  quantity: 2,
};
const forCara: SetAsideUnits = {
  allocationId: 'al-cara',
  backorderId: 'bo-125',
  backorderNumber: 'BO-000125',
  lineId: 'bol-125-2',
  customerName: 'Cara Jones',
  quantity: 1,
};

const event = eventLog();
const po = { poId: 'po-45', poNumber: 'PO-000045', vendorId: 'v-nourison' };
const stream = 'purchase_order-po-45';

// Heriz line of 3 for Ann (oldest) and Bob; the runner for Cara arrives as a substitute.
const firstReceipt = event(
  stream,
  'PurchaseOrderReceiptRecorded',
  {
    ...po,
    receiptId: 'r-1',
    vendorName: 'Nourison Rugs',
    lines: [
      {
        poLineId: 'pol-heriz',
        product: heriz,
        ordered: 3,
        receivedBefore: 0,
        quantity: 1,
        over: 0,
        short: 2,
        setAside: [forAnn],
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
        substitution: { product: kazakRust, quantity: 2, offered: [forCara], toStock: 1 },
      },
    ],
    status: 'partially-received',
  } satisfies PurchaseOrderReceiptRecorded['data'],
  { occurredAt: '2026-12-14T09:30:00.000Z', actor: 'sam.receiving' },
);
const resolution = (accepted: boolean) =>
  ({
    poId: 'po-45',
    receiptId: 'r-1',
    poLineId: 'pol-kazak',
    allocationId: 'al-cara',
    backorderId: 'bo-125',
    lineId: 'bol-125-2',
    quantity: 1,
    accepted,
    status: 'partially-received',
  }) satisfies PurchaseOrderSubstitutionResolved['data'];
const accepted = event(stream, 'PurchaseOrderSubstitutionResolved', resolution(true), {
  occurredAt: '2026-12-15T12:00:00.000Z',
  actor: 'dana.sales',
});
const rejected = event(stream, 'PurchaseOrderSubstitutionResolved', resolution(false), {
  occurredAt: '2026-12-15T12:00:00.000Z',
  actor: 'dana.sales',
});
// The rest of the heriz line, and one rug more than ordered.
const secondReceipt = event(
  stream,
  'PurchaseOrderReceiptRecorded',
  {
    ...po,
    receiptId: 'r-2',
    vendorName: 'Nourison Rugs',
    lines: [
      {
        poLineId: 'pol-heriz',
        product: heriz,
        ordered: 3,
        receivedBefore: 1,
        quantity: 3,
        over: 1,
        short: 0,
        setAside: [forBob],
        toStock: 1,
        substitution: null,
      },
    ],
    status: 'received',
  } satisfies PurchaseOrderReceiptRecorded['data'],
  { occurredAt: '2026-12-18T10:00:00.000Z', actor: 'sam.receiving' },
);

describe('receipts projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(receiptsProjection)));
  afterEach(() => harness.close());

  const receipt = (id: string) => harness.document<ReceiptDocument>('receipts', id);

  it('labels the units set aside and records the accepted substitute', async () => {
    await harness.apply([firstReceipt, accepted]);
    expect(await receipt('r-1')).toEqual({
      id: 'r-1',
      receiptId: 'r-1',
      poId: 'po-45',
      poNumber: 'PO-000045',
      vendorId: 'v-nourison',
      vendorName: 'Nourison Rugs',
      receivedAt: '2026-12-14T09:30:00.000Z',
      receivedBy: 'sam.receiving',
      lines: [
        {
          poLineId: 'pol-heriz',
          product: heriz,
          ordered: 3,
          receivedBefore: 0,
          quantity: 1,
          over: 0,
          short: 2,
          setAside: [
            {
              ...forAnn,
              label: {
                customerName: 'Ann Smith',
                backorderNumber: 'BO-000123',
                productName: 'Heriz Medallion 8x11',
                vendorSku: 'NR-HZ-0811',
                quantity: 1,
              },
              note: 'Set aside for Ann Smith, BO-000123',
            },
          ],
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
          substitution: { product: kazakRust, quantity: 2, offered: [forCara], toStock: 1 },
        },
      ],
      totals: { received: 1, setAside: 1, toStock: 0, over: 0, short: 3 },
      substitutes: { received: 2, offered: 1, toStock: 1, pending: 0, accepted: 1, rejected: 0 },
      substitutions: [
        {
          ...forCara,
          poLineId: 'pol-kazak',
          product: kazakRust,
          decision: 'accepted',
          decidedAt: '2026-12-15T12:00:00.000Z',
          decidedBy: 'dana.sales',
          label: {
            customerName: 'Cara Jones',
            backorderNumber: 'BO-000125',
            productName: 'Kazak Runner 2.6x10, Rust',
            vendorSku: 'NR-KZ-0210-RU',
            quantity: 1,
          },
          note: 'Set aside for Cara Jones, BO-000125',
        },
      ],
      updatedAt: '2026-12-15T12:00:00.000Z',
    });
  });

  it('shows an offered substitute as pending until the customer decides', async () => {
    await harness.apply([firstReceipt]);
    const pending = await receipt('r-1');
    expect(pending?.substitutes).toEqual({
      received: 2,
      offered: 1,
      toStock: 1,
      pending: 1,
      accepted: 0,
      rejected: 0,
    });
    expect(pending?.substitutions.map((s) => [s.customerName, s.decision, s.label])).toEqual([
      ['Cara Jones', 'pending', null],
    ]);
  });

  it('prints no label for a rejected substitute', async () => {
    await harness.apply([firstReceipt, rejected]);
    const document = await receipt('r-1');
    expect(document?.substitutions).toMatchObject([
      { decision: 'rejected', decidedBy: 'dana.sales', label: null, note: null },
    ]);
    expect(document?.substitutes).toMatchObject({ pending: 0, accepted: 0, rejected: 1 });
  });

  it('counts over-received units as stock and labels every unit held', async () => {
    await harness.apply([firstReceipt, accepted, secondReceipt]);
    const document = await receipt('r-2');
    expect(document?.totals).toEqual({ received: 3, setAside: 2, toStock: 1, over: 1, short: 0 });
    expect(document?.lines[0].setAside.map(({ label, note }) => ({ label, note }))).toEqual([
      {
        label: {
          customerName: 'Bob Lee',
          backorderNumber: 'BO-000124',
          productName: 'Heriz Medallion 8x11',
          vendorSku: 'NR-HZ-0811',
          quantity: 2,
        },
        note: 'Set aside for Bob Lee, BO-000124',
      },
    ]);
    // A decision on the first receipt is not the second receipt's.
    expect(document?.updatedAt).toBe('2026-12-18T10:00:00.000Z');
    expect(document?.substitutions).toEqual([]);
  });

  it('lists the receipts of a PO in the order they came in', async () => {
    await harness.apply([firstReceipt, accepted, secondReceipt]);
    const page = await harness.store.find('receipts_v1', {
      where: { poId: 'po-45', vendorId: 'v-nourison' },
      sort: [['receivedAt', 'asc']],
    });
    expect(page.items.map((r) => r.id)).toEqual(['r-1', 'r-2']);
  });

  it('is unchanged when the events are delivered again', async () => {
    await harness.apply([firstReceipt, accepted, secondReceipt]);
    const once = await harness.all('receipts');
    const again = await harness.apply([firstReceipt, accepted, secondReceipt]);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('receipts')).toEqual(once);
    await harness.apply([accepted]);
    expect(await harness.all('receipts')).toEqual(once);
  });
});
