import type { AllocationOrder } from '../../../src/purchasing/purchase-order-line';
import {
  AcknowledgePurchaseOrder,
  AllocateToPurchaseOrder,
  CancelPurchaseOrder,
  CancelPurchaseOrderLine,
  ClosePurchaseOrder,
  OpenPurchaseOrder,
  RecordReceipt,
  type ReceivedLine,
  ReleaseAllocation,
  ResolveSubstitution,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from '../../../src/purchasing/purchase-order.commands';
import { purchaseOrderDecider } from '../../../src/purchasing/purchase-order.decider';
import type { OpenPurchaseOrderState } from '../../../src/purchasing/purchase-order.evolve';
import type {
  Allocation,
  PurchaseOrderEvent,
  ReceiptLine,
} from '../../../src/purchasing/purchase-order.events';
import type { Disposition } from '../../../src/backorders/backorder.events';
import type { ProductSnapshot } from '../../../src/catalog/product-snapshot';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';
import { allocation, context, productSnapshot } from '../../support/domain-fixtures';

const poId = 'po-1';
const poNumber = 'PO-000001';
const opening = {
  number: poNumber,
  vendorId: 'v-1',
  vendorName: 'Nourison Rugs',
  consolidation: { policy: 'daily', windowKey: '2026-03-01', generation: 0 },
};
const product = productSnapshot();
const otherProduct = productSnapshot({ productId: 'p-3', vendorSku: 'NR-3', name: 'Kazak 5x7' });
const substitute = productSnapshot({ productId: 'p-2', vendorSku: 'NR-1002', name: 'Heriz Ivory' });

/** Three customers on one PO line, oldest first: Ada (2 units), Bob, then Cid with priority. */
const ada = allocation({ allocationId: 'a-1', quantity: 2 });
const bob = allocation({
  allocationId: 'a-2',
  backorderId: 'bo-2',
  backorderNumber: 'BO-000002',
  customerId: 'cust-2',
  customerName: 'Bob Byte',
  placedAt: '2026-03-02T10:00:00.000Z',
});
const cid = allocation({
  allocationId: 'a-3',
  backorderId: 'bo-3',
  backorderNumber: 'BO-000003',
  customerId: 'cust-3',
  customerName: 'Cid Cache',
  priority: 5,
  placedAt: '2026-03-03T10:00:00.000Z',
});

const opened: PurchaseOrderEvent = { type: 'PurchaseOrderOpened', data: { poId, ...opening } };
const lineAdded = (
  poLineId: string,
  quantity: number,
  of: ProductSnapshot = product,
): PurchaseOrderEvent => ({
  type: 'PurchaseOrderLineAdded',
  data: { poId, poLineId, product: of, quantity, unitCost: of.cost },
});
const quantityChanged = (from: number, to: number, reason: string): PurchaseOrderEvent => ({
  type: 'PurchaseOrderLineQuantityChanged',
  data: { poId, poLineId: 'pl-1', from, to, reason },
});
const allocated = (a: Allocation, poLineId = 'pl-1'): PurchaseOrderEvent => ({
  type: 'PurchaseOrderLineAllocated',
  data: { poId, poLineId, poNumber, allocation: a },
});
const affectedBy = (a: Allocation, poLineId = 'pl-1') => ({
  backorderId: a.backorderId,
  lineId: a.lineId,
  poLineId,
  allocationId: a.allocationId,
});
const waitingFor = (a: Allocation, quantity: number) => ({ ...affectedBy(a), quantity });
const units = (a: Allocation, quantity: number) => ({
  allocationId: a.allocationId,
  backorderId: a.backorderId,
  backorderNumber: a.backorderNumber,
  lineId: a.lineId,
  customerName: a.customerName,
  quantity,
});

const draft: PurchaseOrderEvent[] = [
  opened,
  lineAdded('pl-1', 2),
  allocated(ada),
  quantityChanged(2, 3, 'for BO-000002'),
  allocated(bob),
  quantityChanged(3, 4, 'for BO-000003'),
  allocated(cid),
];
const submitted: PurchaseOrderEvent[] = [
  ...draft,
  {
    type: 'PurchaseOrderSubmitted',
    data: { poId, affected: [affectedBy(ada), affectedBy(bob), affectedBy(cid)] },
  },
];
const acknowledged: PurchaseOrderEvent[] = [
  ...submitted,
  {
    type: 'PurchaseOrderAcknowledged',
    data: {
      poId,
      vendorReference: 'NR-SO-77',
      etas: [{ poLineId: 'pl-1', eta: '2026-04-01' }],
      affected: [affectedBy(ada), affectedBy(bob), affectedBy(cid)],
    },
  },
];

function receiptLine(overrides: Partial<ReceiptLine>): ReceiptLine {
  return {
    poLineId: 'pl-1',
    product,
    ordered: 4,
    receivedBefore: 0,
    quantity: 0,
    over: 0,
    short: 0,
    setAside: [],
    toStock: 0,
    substitution: null,
    ...overrides,
  };
}
const receiptRecorded = (
  receiptId: string,
  lines: ReceiptLine[],
  status: 'partially-received' | 'received',
): PurchaseOrderEvent => ({
  type: 'PurchaseOrderReceiptRecorded',
  data: {
    poId,
    receiptId,
    poNumber,
    vendorId: 'v-1',
    vendorName: 'Nourison Rugs',
    lines,
    status,
  },
});
const receive = (
  receiptId: string,
  lines: ReceivedLine[],
  order: AllocationOrder = 'oldest-first',
) => new RecordReceipt(poId, receiptId, lines, order, context);
const received = (quantity: number, substitution: ReceivedLine['substitution'] = null) => ({
  poLineId: 'pl-1',
  quantity,
  substitution,
});
/** Ada's two units arrived and are set aside; Bob and Cid still wait. */
const adaHeld: PurchaseOrderEvent[] = [
  ...acknowledged,
  receiptRecorded(
    'r-1',
    [receiptLine({ quantity: 2, short: 2, setAside: [units(ada, 2)] })],
    'partially-received',
  ),
];
const release = (
  allocationId: string,
  quantity: number,
  disposition: Disposition,
  allHeld = false,
  order: AllocationOrder = 'oldest-first',
) =>
  new ReleaseAllocation(
    poId,
    allocationId,
    {
      quantity,
      held: allHeld ? 99 : 0,
      disposition,
      operationId: 't-1',
      order,
      reason: 'customer cancelled',
    },
    context,
  );

function after(history: readonly PurchaseOrderEvent[], events: readonly PurchaseOrderEvent[]) {
  return [...history, ...events].reduce(
    purchaseOrderDecider.evolve,
    purchaseOrderDecider.initialState,
  ) as OpenPurchaseOrderState;
}
function allocationOf(state: OpenPurchaseOrderState, allocationId: string, poLineId = 'pl-1') {
  return state.lines.get(poLineId)?.allocations.get(allocationId);
}
function rule(decide: () => unknown, name: string): void {
  expect(decide).toThrow(BusinessRuleViolation);
  expect(decide).toThrow(expect.objectContaining({ rule: name }));
}

describe('purchase order decider', () => {
  describe('OpenPurchaseOrder', () => {
    const { consolidation: _byHand, ...manual } = opening;
    const lines = [{ poLineId: 'pl-1', product, quantity: 3, unitCost: product.cost }];

    it('opens a PO made by hand with its lines, for stock', () => {
      expect(
        given(purchaseOrderDecider, []).when(new OpenPurchaseOrder(poId, manual, lines, context)),
      ).toEqual([
        { type: 'PurchaseOrderOpened', data: { poId, ...manual, consolidation: null } },
        lineAdded('pl-1', 3),
      ]);
    });

    it('does nothing when the PO exists', () => {
      expect(
        given(purchaseOrderDecider, [opened]).when(
          new OpenPurchaseOrder(poId, manual, lines, context),
        ),
      ).toEqual([]);
    });

    it('refuses a PO without lines', () => {
      rule(
        () =>
          given(purchaseOrderDecider, []).when(new OpenPurchaseOrder(poId, manual, [], context)),
        'purchase-order-needs-lines',
      );
    });
  });

  describe('AllocateToPurchaseOrder', () => {
    const allocate = (a: Allocation, of: ProductSnapshot = product, newLineId = 'pl-1') =>
      new AllocateToPurchaseOrder(poId, opening, newLineId, of, a, context);

    it('opens the PO when none exists, with a line for the product and the allocation', () => {
      expect(given(purchaseOrderDecider, []).when(allocate(ada))).toEqual([
        opened,
        lineAdded('pl-1', 2),
        allocated(ada),
      ]);
    });

    it('adds a line for a product the open PO does not have yet', () => {
      const other = allocation({ ...bob, allocationId: 'a-9' });
      expect(
        given(purchaseOrderDecider, [opened, lineAdded('pl-1', 2), allocated(ada)]).when(
          allocate(other, otherProduct, 'pl-2'),
        ),
      ).toEqual([lineAdded('pl-2', 1, otherProduct), allocated(other, 'pl-2')]);
    });

    it('raises the quantity of the product line for the next allocation', () => {
      expect(
        given(purchaseOrderDecider, [opened, lineAdded('pl-1', 2), allocated(ada)]).when(
          allocate(bob, product, 'pl-unused'),
        ),
      ).toEqual([quantityChanged(2, 3, 'for BO-000002'), allocated(bob)]);
    });

    it('adds a new line when the product line was cancelled', () => {
      const lineCancelled: PurchaseOrderEvent = {
        type: 'PurchaseOrderLineCancelled',
        data: { poId, poLineId: 'pl-1', poNumber, reason: 'discontinued', affected: [] },
      };
      expect(
        given(purchaseOrderDecider, [
          opened,
          lineAdded('pl-1', 2),
          allocated(ada),
          lineCancelled,
        ]).when(allocate(bob, product, 'pl-2')),
      ).toEqual([lineAdded('pl-2', 1), allocated(bob, 'pl-2')]);
    });

    it('keeps the line quantity equal to what the allocations need', () => {
      const state = after(draft, []);
      const line = state.lines.get('pl-1')!;
      expect(line.quantity).toBe(4);
      expect([...line.allocations.keys()]).toEqual(['a-1', 'a-2', 'a-3']);
    });

    it('does nothing for an allocation already made, even once the PO is submitted', () => {
      expect(given(purchaseOrderDecider, draft).when(allocate(bob))).toEqual([]);
      expect(given(purchaseOrderDecider, submitted).when(allocate(bob))).toEqual([]);
    });

    it('refuses a new allocation once the PO is submitted', () => {
      rule(
        () =>
          given(purchaseOrderDecider, submitted).when(
            allocate(allocation({ allocationId: 'a-9', backorderId: 'bo-9' })),
          ),
        'purchase-order-not-open',
      );
    });
  });

  describe('SubmitPurchaseOrder', () => {
    it('submits a draft, naming every customer line on it', () => {
      expect(
        given(purchaseOrderDecider, draft).when(new SubmitPurchaseOrder(poId, context)),
      ).toEqual([submitted.at(-1)]);
      expect(after(submitted, []).status).toBe('submitted');
    });

    it('does nothing once submitted', () => {
      expect(
        given(purchaseOrderDecider, submitted).when(new SubmitPurchaseOrder(poId, context)),
      ).toEqual([]);
    });

    it('refuses a cancelled PO', () => {
      const cancelled: PurchaseOrderEvent = {
        type: 'PurchaseOrderCancelled',
        data: { poId, poNumber, reason: 'x', affected: [] },
      };
      rule(
        () =>
          given(purchaseOrderDecider, [...draft, cancelled]).when(
            new SubmitPurchaseOrder(poId, context),
          ),
        'purchase-order-cancelled',
      );
    });

    it('refuses a PO whose lines were all cancelled', () => {
      const lineCancelled: PurchaseOrderEvent = {
        type: 'PurchaseOrderLineCancelled',
        data: { poId, poLineId: 'pl-1', poNumber, reason: 'x', affected: [] },
      };
      rule(
        () =>
          given(purchaseOrderDecider, [opened, lineAdded('pl-1', 1), lineCancelled]).when(
            new SubmitPurchaseOrder(poId, context),
          ),
        'purchase-order-needs-lines',
      );
    });

    it('refuses a PO that does not exist', () => {
      expect(() =>
        given(purchaseOrderDecider, []).when(new SubmitPurchaseOrder(poId, context)),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('AcknowledgePurchaseOrder', () => {
    const acknowledge = (eta = '2026-04-01') =>
      new AcknowledgePurchaseOrder(poId, 'NR-SO-77', [{ poLineId: 'pl-1', eta }], context);

    it('records the vendor ETA per line, naming every customer line', () => {
      expect(given(purchaseOrderDecider, submitted).when(acknowledge())).toEqual([
        acknowledged.at(-1),
      ]);
      const state = after(acknowledged, []);
      expect(state.status).toBe('acknowledged');
      expect(state.lines.get('pl-1')?.eta).toBe('2026-04-01');
    });

    it('does nothing when acknowledged again with the same ETAs', () => {
      expect(given(purchaseOrderDecider, acknowledged).when(acknowledge())).toEqual([]);
    });

    it('refuses a PO not submitted, or acknowledged with other ETAs', () => {
      rule(
        () => given(purchaseOrderDecider, draft).when(acknowledge()),
        'purchase-order-not-submitted',
      );
      rule(
        () => given(purchaseOrderDecider, acknowledged).when(acknowledge('2026-05-01')),
        'purchase-order-not-submitted',
      );
    });

    it('refuses an ETA for a line the PO does not have', () => {
      expect(() =>
        given(purchaseOrderDecider, submitted).when(
          new AcknowledgePurchaseOrder(
            poId,
            null,
            [{ poLineId: 'pl-9', eta: '2026-04-01' }],
            context,
          ),
        ),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('RevisePurchaseOrderEta', () => {
    const withOtherLine = [
      opened,
      lineAdded('pl-1', 2),
      allocated(ada),
      lineAdded('pl-2', 1, otherProduct),
      allocated(bob, 'pl-2'),
      { type: 'PurchaseOrderSubmitted', data: { poId, affected: [] } } as PurchaseOrderEvent,
      {
        type: 'PurchaseOrderAcknowledged',
        data: {
          poId,
          vendorReference: null,
          etas: [
            { poLineId: 'pl-1', eta: '2026-04-01' },
            { poLineId: 'pl-2', eta: '2026-04-01' },
          ],
          affected: [],
        },
      } as PurchaseOrderEvent,
    ];

    it('records the new ETA with the previous one and the customer lines of that PO line', () => {
      const events = given(purchaseOrderDecider, withOtherLine).when(
        new RevisePurchaseOrderEta(poId, 'pl-1', '2026-04-15', 'vendor', 'port delay', context),
      );
      expect(events).toEqual([
        {
          type: 'PurchaseOrderLineEtaRevised',
          data: {
            poId,
            poLineId: 'pl-1',
            previous: '2026-04-01',
            eta: '2026-04-15',
            source: 'vendor',
            reason: 'port delay',
            affected: [affectedBy(ada)],
          },
        },
      ]);
      expect(after(withOtherLine, events).lines.get('pl-1')?.eta).toBe('2026-04-15');
    });

    it('does nothing when the ETA is already that', () => {
      expect(
        given(purchaseOrderDecider, withOtherLine).when(
          new RevisePurchaseOrderEta(poId, 'pl-1', '2026-04-01', 'staff', null, context),
        ),
      ).toEqual([]);
    });

    it('refuses to revise the ETA of a draft PO or a cancelled line', () => {
      const revise = new RevisePurchaseOrderEta(poId, 'pl-1', '2026-04-15', 'staff', null, context);
      rule(() => given(purchaseOrderDecider, draft).when(revise), 'eta-not-revisable');
      const lineCancelled: PurchaseOrderEvent = {
        type: 'PurchaseOrderLineCancelled',
        data: { poId, poLineId: 'pl-1', poNumber, reason: 'x', affected: [] },
      };
      rule(
        () => given(purchaseOrderDecider, [...acknowledged, lineCancelled]).when(revise),
        'eta-not-revisable',
      );
    });

    it('refuses a line the PO does not have', () => {
      expect(() =>
        given(purchaseOrderDecider, acknowledged).when(
          new RevisePurchaseOrderEta(poId, 'pl-9', '2026-04-15', 'staff', null, context),
        ),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('RecordReceipt', () => {
    it('sets a partial receipt aside for the oldest orders first; the line stays short', () => {
      const events = given(purchaseOrderDecider, acknowledged).when(receive('r-1', [received(3)]));
      expect(events).toEqual([
        receiptRecorded(
          'r-1',
          [receiptLine({ quantity: 3, short: 1, setAside: [units(ada, 2), units(bob, 1)] })],
          'partially-received',
        ),
      ]);
      const state = after(acknowledged, events);
      expect(state.status).toBe('partially-received');
      expect(allocationOf(state, 'a-1')).toMatchObject({ outstanding: 0, setAside: 2 });
      expect(allocationOf(state, 'a-3')).toMatchObject({ outstanding: 1, setAside: 0 });
    });

    it('serves the highest priority first when the store receives by priority', () => {
      expect(
        given(purchaseOrderDecider, acknowledged).when(receive('r-1', [received(1)], 'priority')),
      ).toEqual([
        receiptRecorded(
          'r-1',
          [receiptLine({ quantity: 1, short: 3, setAside: [units(cid, 1)] })],
          'partially-received',
        ),
      ]);
    });

    it('completes the PO with a later receipt for those still waiting', () => {
      const partly = [
        ...acknowledged,
        receiptRecorded(
          'r-1',
          [receiptLine({ quantity: 3, short: 1, setAside: [units(ada, 2), units(bob, 1)] })],
          'partially-received',
        ),
      ];
      const events = given(purchaseOrderDecider, partly).when(receive('r-2', [received(1)]));
      expect(events).toEqual([
        receiptRecorded(
          'r-2',
          [receiptLine({ receivedBefore: 3, quantity: 1, setAside: [units(cid, 1)] })],
          'received',
        ),
      ]);
      expect(after(partly, events).status).toBe('received');
    });

    it('puts units over the ordered quantity into stock', () => {
      expect(given(purchaseOrderDecider, acknowledged).when(receive('r-1', [received(6)]))).toEqual(
        [
          receiptRecorded(
            'r-1',
            [
              receiptLine({
                quantity: 6,
                over: 2,
                setAside: [units(ada, 2), units(bob, 1), units(cid, 1)],
                toStock: 2,
              }),
            ],
            'received',
          ),
        ],
      );
    });

    it('offers substitute units to the customers still waiting; the rest go to stock', () => {
      const events = given(purchaseOrderDecider, acknowledged).when(
        receive('r-1', [received(1, { product: substitute, quantity: 4 })]),
      );
      expect(events).toEqual([
        receiptRecorded(
          'r-1',
          [
            receiptLine({
              quantity: 1,
              short: 3,
              setAside: [units(ada, 1)],
              substitution: {
                product: substitute,
                quantity: 4,
                offered: [units(ada, 1), units(bob, 1), units(cid, 1)],
                toStock: 1,
              },
            }),
          ],
          'partially-received',
        ),
      ]);
      const state = after(acknowledged, events);
      expect(allocationOf(state, 'a-2')).toMatchObject({ outstanding: 1, offered: 1 });
      expect(state.pendingSubstitutions.get('r-1:a-2')).toEqual({ poLineId: 'pl-1', quantity: 1 });
    });

    it('does nothing for a receipt already recorded', () => {
      expect(given(purchaseOrderDecider, adaHeld).when(receive('r-1', [received(2)]))).toEqual([]);
    });

    it('refuses a receipt for a PO not submitted', () => {
      rule(
        () => given(purchaseOrderDecider, draft).when(receive('r-1', [received(1)])),
        'purchase-order-not-receivable',
      );
    });

    it('refuses an empty receipt, or one naming a line twice', () => {
      rule(
        () => given(purchaseOrderDecider, acknowledged).when(receive('r-1', [received(0)])),
        'receipt-empty',
      );
      rule(
        () =>
          given(purchaseOrderDecider, acknowledged).when(
            receive('r-1', [received(1), received(1)]),
          ),
        'receipt-line-repeated',
      );
    });

    it('refuses units for a cancelled line, or a line the PO does not have', () => {
      const lineCancelled: PurchaseOrderEvent = {
        type: 'PurchaseOrderLineCancelled',
        data: { poId, poLineId: 'pl-1', poNumber, reason: 'x', affected: [] },
      };
      rule(
        () =>
          given(purchaseOrderDecider, [...acknowledged, lineCancelled]).when(
            receive('r-1', [received(1)]),
          ),
        'purchase-order-line-cancelled',
      );
      expect(() =>
        given(purchaseOrderDecider, acknowledged).when(
          receive('r-1', [{ poLineId: 'pl-9', quantity: 1, substitution: null }]),
        ),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('ResolveSubstitution', () => {
    const offered = [
      ...acknowledged,
      receiptRecorded(
        'r-1',
        [
          receiptLine({
            quantity: 2,
            short: 2,
            setAside: [units(ada, 2)],
            substitution: {
              product: substitute,
              quantity: 2,
              offered: [units(bob, 1), units(cid, 1)],
              toStock: 0,
            },
          }),
        ],
        'partially-received',
      ),
    ];
    const resolved = (allocationId: string, accepted: boolean, status: string) => ({
      type: 'PurchaseOrderSubstitutionResolved',
      data: {
        poId,
        receiptId: 'r-1',
        poLineId: 'pl-1',
        allocationId,
        backorderId: allocationId === 'a-2' ? 'bo-2' : 'bo-3',
        lineId: 'l-1',
        quantity: 1,
        accepted,
        status,
      },
    });

    it('counts an accepted substitute as received and set aside for the customer', () => {
      const events = given(purchaseOrderDecider, offered).when(
        new ResolveSubstitution(poId, 'r-1', 'a-2', true, context),
      );
      expect(events).toEqual([resolved('a-2', true, 'partially-received')]);
      const state = after(offered, events);
      expect(allocationOf(state, 'a-2')).toMatchObject({ outstanding: 0, setAside: 1, offered: 0 });
      expect(state.lines.get('pl-1')?.received).toBe(3);
      expect(state.pendingSubstitutions.has('r-1:a-2')).toBe(false);
    });

    it('receives the PO in full when the last accepted substitute covers it', () => {
      const first = given(purchaseOrderDecider, offered).when(
        new ResolveSubstitution(poId, 'r-1', 'a-2', true, context),
      );
      expect(
        given(purchaseOrderDecider, [...offered, ...first]).when(
          new ResolveSubstitution(poId, 'r-1', 'a-3', true, context),
        ),
      ).toEqual([resolved('a-3', true, 'received')]);
    });

    it('leaves a customer who rejects the substitute waiting for the ordered units', () => {
      const events = given(purchaseOrderDecider, offered).when(
        new ResolveSubstitution(poId, 'r-1', 'a-3', false, context),
      );
      expect(events).toEqual([resolved('a-3', false, 'partially-received')]);
      expect(allocationOf(after(offered, events), 'a-3')).toMatchObject({
        outstanding: 1,
        setAside: 0,
        offered: 0,
      });
    });

    it('does nothing for a substitution already resolved, or never offered', () => {
      const first = given(purchaseOrderDecider, offered).when(
        new ResolveSubstitution(poId, 'r-1', 'a-2', true, context),
      );
      const { when } = given(purchaseOrderDecider, [...offered, ...first]);
      expect(when(new ResolveSubstitution(poId, 'r-1', 'a-2', true, context))).toEqual([]);
      expect(when(new ResolveSubstitution(poId, 'r-1', 'a-1', true, context))).toEqual([]);
    });
  });

  describe('ReleaseAllocation', () => {
    const released = (
      a: Allocation,
      quantity: number,
      heldReleased: number,
      disposition: 'cancel-po-line' | 'keep-as-stock',
    ): PurchaseOrderEvent => ({
      type: 'PurchaseOrderAllocationReleased',
      data: {
        poId,
        operationId: 't-1',
        poLineId: 'pl-1',
        allocationId: a.allocationId,
        backorderId: a.backorderId,
        lineId: a.lineId,
        quantity,
        heldReleased,
        disposition,
        reason: 'customer cancelled',
      },
    });
    const transferred = (to: Allocation, quantity: number): PurchaseOrderEvent => ({
      type: 'PurchaseOrderAllocationTransferred',
      data: {
        poId,
        transferId: 't-1',
        poLineId: 'pl-1',
        productId: 'p-1',
        from: { allocationId: 'a-1', backorderId: 'bo-1', lineId: 'l-1' },
        to: units(to, quantity),
        quantity,
        units: 'set-aside',
        reason: 'customer cancelled',
      },
    });

    it('asks the vendor for fewer units while the PO is a draft', () => {
      const events = given(purchaseOrderDecider, draft).when(release('a-1', 2, 'cancel-po-line'));
      expect(events).toEqual([
        released(ada, 2, 0, 'cancel-po-line'),
        {
          type: 'PurchaseOrderLineQuantityChanged',
          data: { poId, poLineId: 'pl-1', from: 4, to: 2, reason: 'customer cancelled' },
        },
      ]);
      const state = after(draft, events);
      expect(allocationOf(state, 'a-1')).toBeUndefined();
      expect(state.lines.get('pl-1')?.quantity).toBe(2);
    });

    it('reduces the PO line while submitted and not yet confirmed', () => {
      expect(
        given(purchaseOrderDecider, submitted).when(release('a-1', 1, 'cancel-po-line')),
      ).toEqual([
        released(ada, 1, 0, 'cancel-po-line'),
        {
          type: 'PurchaseOrderLineQuantityChanged',
          data: { poId, poLineId: 'pl-1', from: 4, to: 3, reason: 'customer cancelled' },
        },
      ]);
    });

    it('refuses to reduce the PO line once the vendor confirmed it', () => {
      rule(
        () => given(purchaseOrderDecider, acknowledged).when(release('a-1', 1, 'cancel-po-line')),
        'purchase-order-confirmed',
      );
    });

    it('keeps units on order as stock once confirmed: the PO line keeps its quantity', () => {
      const events = given(purchaseOrderDecider, acknowledged).when(
        release('a-1', 5, 'keep-as-stock'),
      );
      expect(events).toEqual([released(ada, 2, 0, 'keep-as-stock')]);
      expect(after(acknowledged, events).lines.get('pl-1')?.quantity).toBe(4);
    });

    it('does nothing when the same partial release is repeated', () => {
      const events = given(purchaseOrderDecider, acknowledged).when(
        release('a-1', 1, 'keep-as-stock'),
      );
      const repeated = given(purchaseOrderDecider, [...acknowledged, ...events]).when(
        release('a-1', 1, 'keep-as-stock'),
      );
      expect(events).toHaveLength(1);
      expect(repeated).toEqual([]);
    });

    it('releases units held for the customer to stock', () => {
      const events = given(purchaseOrderDecider, adaHeld).when(
        release('a-1', 0, 'keep-as-stock', true),
      );
      expect(events).toEqual([released(ada, 0, 2, 'keep-as-stock')]);
      expect(allocationOf(after(adaHeld, events), 'a-1')).toBeUndefined();
    });

    it('gives held units to the next waiting customer, oldest first; the rest go to stock', () => {
      const events = given(purchaseOrderDecider, adaHeld).when(
        release('a-1', 0, 'give-to-next-customer', true),
      );
      expect(events).toEqual([transferred(bob, 1), released(ada, 0, 1, 'keep-as-stock')]);
      const state = after(adaHeld, events);
      expect(allocationOf(state, 'a-1')).toBeUndefined();
      expect(allocationOf(state, 'a-2')).toMatchObject({ outstanding: 0, setAside: 1 });
      expect(state.releases.has('t-1')).toBe(true);
    });

    it('gives held units to the highest priority first when the store receives by priority', () => {
      expect(
        given(purchaseOrderDecider, adaHeld).when(
          release('a-1', 0, 'give-to-next-customer', true, 'priority'),
        ),
      ).toEqual([transferred(cid, 1), released(ada, 0, 1, 'keep-as-stock')]);
    });

    it('does nothing for a transfer already made', () => {
      const events = given(purchaseOrderDecider, adaHeld).when(
        release('a-1', 0, 'give-to-next-customer', true),
      );
      expect(
        given(purchaseOrderDecider, [...adaHeld, ...events]).when(
          release('a-1', 0, 'give-to-next-customer', true),
        ),
      ).toEqual([]);
    });

    it('does nothing for an allocation fully released or never made', () => {
      const events = given(purchaseOrderDecider, draft).when(release('a-1', 2, 'cancel-po-line'));
      const { when } = given(purchaseOrderDecider, [...draft, ...events]);
      expect(when(release('a-1', 2, 'cancel-po-line'))).toEqual([]);
      expect(when(release('a-9', 1, 'keep-as-stock'))).toEqual([]);
    });
  });

  describe('CancelPurchaseOrderLine', () => {
    const cancelLine = new CancelPurchaseOrderLine(poId, 'pl-1', 'vendor discontinued it', context);
    const lineCancelled: PurchaseOrderEvent = {
      type: 'PurchaseOrderLineCancelled',
      data: {
        poId,
        poLineId: 'pl-1',
        poNumber,
        reason: 'vendor discontinued it',
        affected: [waitingFor(ada, 2), waitingFor(bob, 1), waitingFor(cid, 1)],
      },
    };

    it('cancels the line, naming every customer line it leaves without supply', () => {
      const events = given(purchaseOrderDecider, acknowledged).when(cancelLine);
      expect(events).toEqual([lineCancelled]);
      const state = after(acknowledged, events);
      expect(state.lines.get('pl-1')?.cancelled).toBe(true);
      expect(allocationOf(state, 'a-1')?.outstanding).toBe(0);
    });

    it('does nothing for a line already cancelled', () => {
      expect(
        given(purchaseOrderDecider, [...acknowledged, lineCancelled]).when(cancelLine),
      ).toEqual([]);
    });

    it('refuses a line that already received units', () => {
      rule(
        () => given(purchaseOrderDecider, adaHeld).when(cancelLine),
        'purchase-order-line-received',
      );
    });

    it('refuses while substitute units that arrived for the line wait for a decision', () => {
      const substituteOnly = [
        ...acknowledged,
        receiptRecorded(
          'r-1',
          [
            receiptLine({
              short: 4,
              substitution: {
                product: substitute,
                quantity: 1,
                offered: [units(ada, 1)],
                toStock: 0,
              },
            }),
          ],
          'partially-received',
        ),
      ];
      rule(
        () => given(purchaseOrderDecider, substituteOnly).when(cancelLine),
        'substitution-pending',
      );
    });

    it('refuses a line the PO does not have', () => {
      expect(() =>
        given(purchaseOrderDecider, acknowledged).when(
          new CancelPurchaseOrderLine(poId, 'pl-9', 'x', context),
        ),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('CancelPurchaseOrder', () => {
    const cancelled: PurchaseOrderEvent = {
      type: 'PurchaseOrderCancelled',
      data: {
        poId,
        poNumber,
        reason: 'vendor closed',
        affected: [waitingFor(ada, 2), waitingFor(bob, 1), waitingFor(cid, 1)],
      },
    };

    it('cancels the PO, naming every customer line it leaves without supply', () => {
      const events = given(purchaseOrderDecider, acknowledged).when(
        new CancelPurchaseOrder(poId, 'vendor closed', context),
      );
      expect(events).toEqual([cancelled]);
      expect(after(acknowledged, events).status).toBe('cancelled');
    });

    it('does nothing for a PO already cancelled', () => {
      expect(
        given(purchaseOrderDecider, [...acknowledged, cancelled]).when(
          new CancelPurchaseOrder(poId, 'again', context),
        ),
      ).toEqual([]);
    });

    it('refuses a PO that already received units', () => {
      rule(
        () =>
          given(purchaseOrderDecider, adaHeld).when(new CancelPurchaseOrder(poId, 'x', context)),
        'purchase-order-received',
      );
    });
  });

  describe('ClosePurchaseOrder', () => {
    const close = new ClosePurchaseOrder(poId, 'vendor ships no more', context);
    const closed: PurchaseOrderEvent = {
      type: 'PurchaseOrderClosed',
      data: {
        poId,
        poNumber,
        reason: 'vendor ships no more',
        affected: [waitingFor(bob, 1), waitingFor(cid, 1)],
      },
    };

    it('closes a short PO, naming the customer lines still waiting', () => {
      const events = given(purchaseOrderDecider, adaHeld).when(close);
      expect(events).toEqual([closed]);
      expect(after(adaHeld, events).status).toBe('closed');
    });

    it('does nothing for a PO already closed', () => {
      expect(given(purchaseOrderDecider, [...adaHeld, closed]).when(close)).toEqual([]);
    });

    it('refuses a PO that received nothing', () => {
      rule(
        () => given(purchaseOrderDecider, acknowledged).when(close),
        'purchase-order-not-received',
      );
    });

    it('refuses while a customer has not decided on an offered substitute', () => {
      const offered = [
        ...acknowledged,
        receiptRecorded(
          'r-1',
          [
            receiptLine({
              short: 4,
              substitution: {
                product: substitute,
                quantity: 1,
                offered: [units(ada, 1)],
                toStock: 0,
              },
            }),
          ],
          'partially-received',
        ),
      ];
      rule(() => given(purchaseOrderDecider, offered).when(close), 'substitution-pending');
    });
  });
});
