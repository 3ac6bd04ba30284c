import { lineStatus } from '../../../src/backorders/backorder-line';
import {
  ChangeLine,
  DecideSubstitution,
  FulfilLine,
  LinkLineToStock,
  OfferSubstitution,
  OrderLineAnyway,
  PlaceBackorder,
  RaiseLineException,
  RecordLineOnPurchaseOrder,
  RecordReadyNotice,
  SetAsideLineUnits,
} from '../../../src/backorders/backorder.commands';
import { backorderDecider, type OpenBackorder } from '../../../src/backorders/backorder.decider';
import type {
  BackorderEvent,
  Disposition,
  PlacedLine,
} from '../../../src/backorders/backorder.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { money } from '../../../src/shared/domain/money';
import { given } from '../../support/decider';
import {
  context,
  customerSnapshot,
  placedLine,
  productSnapshot,
} from '../../support/domain-fixtures';

const backorderId = 'bo-1';
const number = 'BO-000001';
const customer = customerSnapshot();
const placedAt = '2026-03-01T10:00:00.000Z';
const substitute = productSnapshot({
  productId: 'p-2',
  vendorSku: 'NR-1002',
  name: 'Heriz 8x10 Ivory',
});
const label = {
  customerName: 'Ada Lovelace',
  backorderNumber: number,
  productName: 'Heriz 8x10',
  vendorSku: 'NR-1001',
};

const placed = (...lines: PlacedLine[]): BackorderEvent => ({
  type: 'BackorderPlaced',
  data: {
    backorderId,
    number,
    customer,
    salesperson: 'sales-1',
    placedAt,
    priority: 0,
    notes: null,
    lines,
  },
});
const order = (allocationId: string, quantity: number) => ({
  allocationId,
  poId: 'po-1',
  poNumber: 'PO-000001',
  poLineId: 'pl-1',
  vendorId: 'v-1',
  quantity,
});
const onPo = (allocationId: string, quantity: number, lineId = 'l-1'): BackorderEvent => ({
  type: 'BackorderLineOnPurchaseOrder',
  data: { backorderId, lineId, ...order(allocationId, quantity) },
});
const setAside = (
  operationId: string,
  quantity: number,
  allocationId: string | null = 'a-1',
  lineId = 'l-1',
): BackorderEvent => ({
  type: 'BackorderLineUnitsSetAside',
  data: { backorderId, lineId, operationId, quantity, allocationId, source: 'receipt', label },
});
const linked = (operationId: string, quantity: number): BackorderEvent => ({
  type: 'BackorderLineLinkedToStock',
  data: { backorderId, lineId: 'l-1', productId: 'p-1', quantity, operationId },
});
const offer = {
  receiptId: 'r-1',
  poId: 'po-1',
  poLineId: 'pl-1',
  allocationId: 'a-1',
  substitute,
  quantity: 2,
};
const offered: BackorderEvent = {
  type: 'BackorderLineSubstitutionOffered',
  data: { backorderId, lineId: 'l-1', ...offer },
};
const fulfilled = (lineId: string, quantity = 1): BackorderEvent => ({
  type: 'BackorderLineFulfilled',
  data: {
    backorderId,
    lineId,
    quantity,
    method: 'pickup',
    issued: [{ productId: 'p-1', quantity }],
  },
});
const change = (
  quantity: number,
  disposition: Disposition | null = null,
  cancel = false,
  handedOver = 0,
) =>
  new ChangeLine(
    backorderId,
    'l-1',
    { quantity, cancel, reason: 'customer asked', disposition, handedOver },
    context,
  );
const cancel = (disposition: Disposition | null, handedOver = 0) =>
  change(0, disposition, true, handedOver);
const freed = (
  stockUnits: number,
  purchaseOrderUnits: { allocationId: string; quantity: number }[] = [],
  handedOver = 0,
  heldUnits: { allocationId: string; quantity: number }[] = [],
) => ({
  purchaseOrderUnits,
  heldUnits,
  released: stockUnits > 0 ? [{ productId: 'p-1', quantity: stockUnits }] : [],
  handedOver,
});

/** Two units of a product nobody had: on the PO as allocation a-1. */
const twoOnPo = [placed(placedLine({ quantity: 2 })), onPo('a-1', 2)];
/** Two units offered stock at placement. */
const twoOfferedStock = [placed(placedLine({ quantity: 2, availableInStock: 5 }))];

function fold(history: readonly BackorderEvent[]): OpenBackorder {
  return given(backorderDecider, history).state as OpenBackorder;
}
function statusAfter(history: readonly BackorderEvent[], lineId = 'l-1') {
  return lineStatus(fold(history).lines[lineId]);
}
function rule(decide: () => unknown, name: string): void {
  expect(decide).toThrow(BusinessRuleViolation);
  expect(decide).toThrow(expect.objectContaining({ rule: name }));
}

describe('backorder decider', () => {
  describe('PlaceBackorder', () => {
    const lines = [
      placedLine({ lineId: 'l-1', quantity: 2, availableInStock: 0 }),
      placedLine({
        lineId: 'l-2',
        product: productSnapshot({ productId: 'p-3', vendorSku: 'NR-3' }),
        quantity: 1,
        unitPrice: money(99_900, 'USD'),
        availableInStock: 1,
      }),
    ];
    const place = (placing = lines) =>
      new PlaceBackorder(
        backorderId,
        number,
        customer,
        'sales-1',
        placedAt,
        0,
        null,
        placing,
        context,
      );

    it('records the order with its product snapshots', () => {
      expect(given(backorderDecider, []).when(place())).toEqual([placed(...lines)]);
    });

    it('marks a line awaiting-link when stock was available and to-order otherwise', () => {
      const history = [placed(...lines)];
      expect(statusAfter(history, 'l-1')).toBe('to-order');
      expect(statusAfter(history, 'l-2')).toBe('awaiting-link');
      expect(fold(history).lines['l-1'].toOrder).toBe(2);
      expect(fold(history).lines['l-2'].toOrder).toBe(0);
    });

    it('does nothing when the order was already placed', () => {
      expect(given(backorderDecider, [placed(...lines)]).when(place())).toEqual([]);
    });

    it.each([
      ['no line', [], 'backorder-needs-lines'],
      ['two lines with one id', [lines[0], { ...lines[1], lineId: 'l-1' }], 'line-ids-not-unique'],
      ['a line of no units', [{ ...lines[0], quantity: 0 }], 'quantity-not-valid'],
      ['a fractional quantity', [{ ...lines[0], quantity: 1.5 }], 'quantity-not-valid'],
      ['a negative price', [{ ...lines[0], unitPrice: money(-1, 'USD') }], 'price-not-valid'],
    ])('refuses an order with %s', (_what, placing, name) => {
      rule(() => given(backorderDecider, []).when(place(placing)), name);
    });
  });

  describe('commands for an order or a line that does not exist', () => {
    it('refuses them as unknown', () => {
      expect(() =>
        given(backorderDecider, []).when(new FulfilLine(backorderId, 'l-1', 'pickup', context)),
      ).toThrow(UnknownEntityError);
      expect(() =>
        given(backorderDecider, []).when(
          new RecordReadyNotice(
            backorderId,
            ['l-1'],
            'email',
            'ada@example.com',
            placedAt,
            context,
          ),
        ),
      ).toThrow(UnknownEntityError);
      expect(() =>
        given(backorderDecider, twoOnPo).when(
          new FulfilLine(backorderId, 'l-9', 'pickup', context),
        ),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('OrderLineAnyway', () => {
    it('orders a line that was offered stock, with the reason', () => {
      const { state, when } = given(backorderDecider, twoOfferedStock);
      const events = when(
        new OrderLineAnyway(backorderId, 'l-1', 'customer wants a new one', context),
      );
      expect(events).toEqual([
        {
          type: 'BackorderLineOrderedAnyway',
          data: { backorderId, lineId: 'l-1', quantity: 2, reason: 'customer wants a new one' },
        },
      ]);
      expect(
        lineStatus((events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1']),
      ).toBe('to-order');
    });

    it('orders only the units not linked from stock', () => {
      expect(
        given(backorderDecider, [...twoOfferedStock, linked('op-1', 1)]).when(
          new OrderLineAnyway(backorderId, 'l-1', 'only one in stock', context),
        ),
      ).toEqual([
        {
          type: 'BackorderLineOrderedAnyway',
          data: { backorderId, lineId: 'l-1', quantity: 1, reason: 'only one in stock' },
        },
      ]);
    });

    it('orders again the units a line in exception lost, clearing the exception', () => {
      const lost: BackorderEvent = {
        type: 'BackorderLineExceptionRaised',
        data: {
          backorderId,
          lineId: 'l-1',
          reason: 'PO cancelled',
          allocationId: 'a-1',
          poId: 'po-1',
          poNumber: 'PO-000001',
          quantity: 2,
        },
      };
      const { state, when } = given(backorderDecider, [...twoOnPo, lost]);
      expect(lineStatus((state as OpenBackorder).lines['l-1'])).toBe('exception');
      const events = when(new OrderLineAnyway(backorderId, 'l-1', 'other vendor', context));
      expect(events).toEqual([
        {
          type: 'BackorderLineOrderedAnyway',
          data: { backorderId, lineId: 'l-1', quantity: 2, reason: 'other vendor' },
        },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after.exception).toBeNull();
      expect(lineStatus(after)).toBe('to-order');
    });

    it('does nothing when the line was already ordered anyway', () => {
      const ordered: BackorderEvent = {
        type: 'BackorderLineOrderedAnyway',
        data: { backorderId, lineId: 'l-1', quantity: 2, reason: 'new one' },
      };
      const { when } = given(backorderDecider, [...twoOfferedStock, ordered]);
      expect(when(new OrderLineAnyway(backorderId, 'l-1', 'new one', context))).toEqual([]);
    });

    it('does nothing for a line that is being ordered already', () => {
      expect(
        given(backorderDecider, twoOnPo).when(
          new OrderLineAnyway(backorderId, 'l-1', 'again', context),
        ),
      ).toEqual([]);
    });

    it('refuses a cancelled line', () => {
      const cancelled: BackorderEvent = {
        type: 'BackorderLineCancelled',
        data: { backorderId, lineId: 'l-1', reason: 'x', disposition: null, freed: freed(0) },
      };
      rule(
        () =>
          given(backorderDecider, [...twoOfferedStock, cancelled]).when(
            new OrderLineAnyway(backorderId, 'l-1', 'x', context),
          ),
        'line-not-open',
      );
    });
  });

  describe('LinkLineToStock', () => {
    it('links units held in stock to a line offered stock', () => {
      const { state, when } = given(backorderDecider, twoOfferedStock);
      const events = when(new LinkLineToStock(backorderId, 'l-1', 2, 'op-1', context));
      expect(events).toEqual([linked('op-1', 2)]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after).toMatchObject({ reserved: 2, linkedFromStock: 2, awaitingLink: false });
      expect(lineStatus(after)).toBe('set-aside');
    });

    it('keeps a partly linked line awaiting a decision on the rest', () => {
      const line = fold([...twoOfferedStock, linked('op-1', 1)]).lines['l-1'];
      expect(line).toMatchObject({ reserved: 1, awaitingLink: true });
      expect(lineStatus(line)).toBe('partially-received');
    });

    it('links the line to hold a number of units in all: asking again or for fewer does nothing', () => {
      const { when } = given(backorderDecider, [...twoOfferedStock, linked('op-1', 1)]);
      expect(when(new LinkLineToStock(backorderId, 'l-1', 1, 'op-2', context))).toEqual([]);
      expect(when(new LinkLineToStock(backorderId, 'l-1', 0, 'op-3', context))).toEqual([]);
      expect(when(new LinkLineToStock(backorderId, 'l-1', 2, 'op-4', context))).toEqual([
        linked('op-4', 2),
      ]);
    });

    it('does nothing for an operation already applied', () => {
      expect(
        given(backorderDecider, [...twoOfferedStock, linked('op-1', 1)]).when(
          new LinkLineToStock(backorderId, 'l-1', 2, 'op-1', context),
        ),
      ).toEqual([]);
    });

    it('counts units stock holds for the line that arrived on its PO as held, not as linked', () => {
      const history = [
        placed(placedLine({ quantity: 3, availableInStock: 1 })),
        linked('op-1', 1),
        onPo('a-1', 2),
        setAside('op-r1', 1),
      ];
      const { state, when } = given(backorderDecider, history);
      expect(when(new LinkLineToStock(backorderId, 'l-1', 2, 'op-2', context))).toEqual([]);
      rule(
        () => when(new LinkLineToStock(backorderId, 'l-1', 3, 'op-2', context)),
        'link-exceeds-line',
      );
      expect((state as OpenBackorder).lines['l-1']).toMatchObject({
        reserved: 2,
        linkedFromStock: 1,
      });
    });

    it('refuses to link more units than the line needs', () => {
      const link = () =>
        given(backorderDecider, twoOfferedStock).when(
          new LinkLineToStock(backorderId, 'l-1', 3, 'op-1', context),
        );
      rule(link, 'link-exceeds-line');
      expect(link).toThrow(expect.objectContaining({ details: { room: 2 } }));
    });

    it('refuses to link units already asked from the vendor', () => {
      const ordered: BackorderEvent = {
        type: 'BackorderLineOrderedAnyway',
        data: { backorderId, lineId: 'l-1', quantity: 2, reason: 'new one' },
      };
      const link = () =>
        given(backorderDecider, [...twoOfferedStock, ordered]).when(
          new LinkLineToStock(backorderId, 'l-1', 1, 'op-1', context),
        );
      rule(link, 'link-exceeds-line');
      expect(link).toThrow(expect.objectContaining({ details: { room: 0 } }));
    });

    it('refuses to link units the line already has on order', () => {
      rule(
        () =>
          given(backorderDecider, twoOnPo).when(
            new LinkLineToStock(backorderId, 'l-1', 1, 'op-1', context),
          ),
        'link-exceeds-line',
      );
    });
  });

  describe('RecordLineOnPurchaseOrder', () => {
    it('records the allocation on the PO line and puts the line on-po', () => {
      const { state, when } = given(backorderDecider, [placed(placedLine({ quantity: 2 }))]);
      const events = when(
        new RecordLineOnPurchaseOrder(backorderId, 'l-1', order('a-1', 2), context),
      );
      expect(events).toEqual([onPo('a-1', 2)]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after.toOrder).toBe(0);
      expect(lineStatus(after)).toBe('on-po');
    });

    it('does nothing for an allocation already recorded', () => {
      expect(
        given(backorderDecider, twoOnPo).when(
          new RecordLineOnPurchaseOrder(backorderId, 'l-1', order('a-1', 2), context),
        ),
      ).toEqual([]);
    });

    it('refuses a line that is no longer open', () => {
      rule(
        () =>
          given(backorderDecider, [...twoOnPo, setAside('op-1', 2), fulfilled('l-1', 2)]).when(
            new RecordLineOnPurchaseOrder(backorderId, 'l-1', order('a-2', 1), context),
          ),
        'line-not-open',
      );
    });
  });

  describe('SetAsideLineUnits', () => {
    it('sets units aside for the customer with label data, consuming the allocation', () => {
      const { state, when } = given(backorderDecider, twoOnPo);
      const events = when(
        new SetAsideLineUnits(backorderId, 'l-1', 'op-1', 1, 'a-1', 'receipt', context),
      );
      expect(events).toEqual([setAside('op-1', 1)]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      const { allocationId: _id, ...ordered } = order('a-1', 1);
      expect(after.onOrder).toEqual({ 'a-1': ordered });
      expect(after.reserved).toBe(1);
    });

    it('moves the line on-po, partially-received, set-aside, then ready once noticed', () => {
      expect(statusAfter(twoOnPo)).toBe('on-po');
      const partly = [...twoOnPo, setAside('op-1', 1)];
      expect(statusAfter(partly)).toBe('partially-received');
      const all = [...partly, setAside('op-2', 1)];
      expect(statusAfter(all)).toBe('set-aside');
      const notice = given(backorderDecider, all).when(
        new RecordReadyNotice(backorderId, ['l-1'], 'email', 'ada@example.com', placedAt, context),
      );
      expect(statusAfter([...all, ...notice])).toBe('ready');
    });

    it('labels the units with the substitute the customer accepted', () => {
      const accepted: BackorderEvent = {
        type: 'BackorderLineSubstitutionAccepted',
        data: {
          backorderId,
          lineId: 'l-1',
          receiptId: 'r-1',
          poId: 'po-1',
          allocationId: 'a-1',
          substitute,
          quantity: 1,
          reason: null,
        },
      };
      expect(
        given(backorderDecider, [...twoOnPo, accepted]).when(
          new SetAsideLineUnits(backorderId, 'l-1', 'op-1', 1, 'a-1', 'receipt', context),
        ),
      ).toEqual([
        {
          type: 'BackorderLineUnitsSetAside',
          data: {
            backorderId,
            lineId: 'l-1',
            operationId: 'op-1',
            quantity: 1,
            allocationId: 'a-1',
            source: 'receipt',
            label: { ...label, productName: 'Heriz 8x10 Ivory', vendorSku: 'NR-1002' },
          },
        },
      ]);
    });

    it('does nothing for an operation already applied', () => {
      expect(
        given(backorderDecider, [...twoOnPo, setAside('op-1', 1)]).when(
          new SetAsideLineUnits(backorderId, 'l-1', 'op-1', 1, 'a-1', 'receipt', context),
        ),
      ).toEqual([]);
    });

    it('refuses a cancelled line', () => {
      const cancelled: BackorderEvent = {
        type: 'BackorderLineCancelled',
        data: {
          backorderId,
          lineId: 'l-1',
          reason: 'x',
          disposition: 'keep-as-stock',
          freed: freed(0, [{ allocationId: 'a-1', quantity: 2 }]),
        },
      };
      rule(
        () =>
          given(backorderDecider, [...twoOnPo, cancelled]).when(
            new SetAsideLineUnits(backorderId, 'l-1', 'op-1', 1, 'a-1', 'receipt', context),
          ),
        'line-not-open',
      );
    });
  });

  describe('OfferSubstitution', () => {
    it('offers the substitute to the line, which waits for a decision', () => {
      const { state, when } = given(backorderDecider, twoOnPo);
      const events = when(new OfferSubstitution(backorderId, 'l-1', offer, context));
      expect(events).toEqual([offered]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after.substitution).toEqual(offer);
      expect(lineStatus(after)).toBe('exception');
    });

    it('still offers a substitute when the same receipt set units aside for the allocation', () => {
      const sameReceipt = `${offer.receiptId}:${offer.allocationId}`;
      const events = given(backorderDecider, [...twoOnPo, setAside(sameReceipt, 1)]).when(
        new OfferSubstitution(backorderId, 'l-1', offer, context),
      );
      expect(events).toEqual([offered]);
    });

    it('does nothing for an offer already made for that receipt and allocation', () => {
      expect(
        given(backorderDecider, [...twoOnPo, offered]).when(
          new OfferSubstitution(backorderId, 'l-1', offer, context),
        ),
      ).toEqual([]);
    });

    it('refuses a line that is no longer open', () => {
      rule(
        () =>
          given(backorderDecider, [...twoOnPo, setAside('op-1', 2), fulfilled('l-1', 2)]).when(
            new OfferSubstitution(backorderId, 'l-1', offer, context),
          ),
        'line-not-open',
      );
    });
  });

  describe('DecideSubstitution', () => {
    const decided = {
      backorderId,
      lineId: 'l-1',
      receiptId: 'r-1',
      poId: 'po-1',
      allocationId: 'a-1',
      substitute,
      quantity: 2,
    };

    it('accepts the substitute: its units are held and it is what the customer gets', () => {
      const { state, when } = given(backorderDecider, [...twoOnPo, offered]);
      const events = when(new DecideSubstitution(backorderId, 'l-1', true, 'fine', context));
      // Version 2 of the event keeps the staff member's reason (version 1 dropped it).
      expect(events).toEqual([
        { type: 'BackorderLineSubstitutionAccepted', data: { ...decided, reason: 'fine' } },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after).toMatchObject({
        reserved: 2,
        onOrder: {},
        substitution: null,
        delivered: substitute,
      });
      expect(lineStatus(after)).toBe('set-aside');
    });

    it('rejects the substitute with the reason: the line waits for the ordered units again', () => {
      const { state, when } = given(backorderDecider, [...twoOnPo, offered]);
      const events = when(
        new DecideSubstitution(backorderId, 'l-1', false, 'wants the red one', context),
      );
      expect(events).toEqual([
        {
          type: 'BackorderLineSubstitutionRejected',
          data: { ...decided, reason: 'wants the red one' },
        },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after).toMatchObject({ reserved: 0, substitution: null });
      expect(lineStatus(after)).toBe('on-po');
    });

    it('refuses when no substitute waits for a decision, as after the decision was made', () => {
      rule(
        () =>
          given(backorderDecider, twoOnPo).when(
            new DecideSubstitution(backorderId, 'l-1', true, '', context),
          ),
        'no-substitution-pending',
      );
      const accepted: BackorderEvent = {
        type: 'BackorderLineSubstitutionAccepted',
        data: { ...decided, reason: '' },
      };
      rule(
        () =>
          given(backorderDecider, [...twoOnPo, offered, accepted]).when(
            new DecideSubstitution(backorderId, 'l-1', true, '', context),
          ),
        'no-substitution-pending',
      );
    });
  });

  describe('RecordReadyNotice', () => {
    const twoLines = [
      placed(placedLine({ lineId: 'l-1' }), placedLine({ lineId: 'l-2' })),
      onPo('a-1', 1, 'l-1'),
      onPo('a-2', 1, 'l-2'),
      setAside('op-1', 1, 'a-1', 'l-1'),
    ];
    const notice = (lineIds: string[]) =>
      new RecordReadyNotice(backorderId, lineIds, 'email', 'ada@example.com', placedAt, context);

    it('records the notice for the lines whose units are all set aside', () => {
      expect(given(backorderDecider, twoLines).when(notice(['l-1', 'l-2']))).toEqual([
        {
          type: 'BackorderReadyNoticeRecorded',
          data: {
            backorderId,
            lineIds: ['l-1'],
            channel: 'email',
            recipient: 'ada@example.com',
            sentAt: placedAt,
          },
        },
      ]);
    });

    it('does nothing when those lines were noticed already, or none is ready', () => {
      const { when } = given(backorderDecider, [
        ...twoLines,
        ...given(backorderDecider, twoLines).when(notice(['l-1'])),
      ]);
      expect(when(notice(['l-1']))).toEqual([]);
      expect(when(notice(['l-2']))).toEqual([]);
    });
  });

  describe('FulfilLine', () => {
    const twoLinesHeld = [
      placed(placedLine({ lineId: 'l-1' }), placedLine({ lineId: 'l-2' })),
      onPo('a-1', 1, 'l-1'),
      onPo('a-2', 1, 'l-2'),
      setAside('op-1', 1, 'a-1', 'l-1'),
      setAside('op-2', 1, 'a-2', 'l-2'),
    ];

    it('fulfils a line while others stay open', () => {
      const { state, when } = given(backorderDecider, twoLinesHeld);
      const events = when(new FulfilLine(backorderId, 'l-1', 'pickup', context));
      expect(events).toEqual([fulfilled('l-1')]);
      expect(statusAfter([...twoLinesHeld, ...events], 'l-1')).toBe('picked-up');
      expect((events.reduce(backorderDecider.evolve, state) as OpenBackorder).status).toBe('open');
    });

    it('closes the order as fulfilled with its last line', () => {
      const { state, when } = given(backorderDecider, [...twoLinesHeld, fulfilled('l-1')]);
      const events = when(new FulfilLine(backorderId, 'l-2', 'delivery', context));
      expect(events).toEqual([
        {
          type: 'BackorderLineFulfilled',
          data: {
            backorderId,
            lineId: 'l-2',
            quantity: 1,
            method: 'delivery',
            issued: [{ productId: 'p-1', quantity: 1 }],
          },
        },
        { type: 'BackorderClosed', data: { backorderId, outcome: 'fulfilled' } },
      ]);
      expect((events.reduce(backorderDecider.evolve, state) as OpenBackorder).status).toBe(
        'closed',
      );
    });

    it('closes the order as partly cancelled when another line was cancelled', () => {
      const cancelled: BackorderEvent = {
        type: 'BackorderLineCancelled',
        data: {
          backorderId,
          lineId: 'l-2',
          reason: 'x',
          disposition: 'keep-as-stock',
          freed: freed(1),
        },
      };
      expect(
        given(backorderDecider, [...twoLinesHeld, cancelled]).when(
          new FulfilLine(backorderId, 'l-1', 'pickup', context),
        ),
      ).toEqual([
        fulfilled('l-1'),
        { type: 'BackorderClosed', data: { backorderId, outcome: 'partly-cancelled' } },
      ]);
    });

    it('hands over the accepted substitute', () => {
      const accepted: BackorderEvent = {
        type: 'BackorderLineSubstitutionAccepted',
        data: {
          backorderId,
          lineId: 'l-1',
          receiptId: 'r-1',
          poId: 'po-1',
          allocationId: 'a-1',
          substitute,
          quantity: 2,
          reason: null,
        },
      };
      expect(
        given(backorderDecider, [...twoOnPo, offered, accepted]).when(
          new FulfilLine(backorderId, 'l-1', 'pickup', context),
        ),
      ).toEqual([
        {
          type: 'BackorderLineFulfilled',
          data: {
            backorderId,
            lineId: 'l-1',
            quantity: 2,
            method: 'pickup',
            issued: [{ productId: 'p-2', quantity: 2 }],
          },
        },
        { type: 'BackorderClosed', data: { backorderId, outcome: 'fulfilled' } },
      ]);
    });

    it('refuses a line whose units are not all held', () => {
      const fulfil = () =>
        given(backorderDecider, [...twoOnPo, setAside('op-1', 1)]).when(
          new FulfilLine(backorderId, 'l-1', 'pickup', context),
        );
      rule(fulfil, 'line-not-ready');
    });

    it('does nothing for a line already fulfilled', () => {
      expect(
        given(backorderDecider, [...twoLinesHeld, fulfilled('l-1')]).when(
          new FulfilLine(backorderId, 'l-1', 'pickup', context),
        ),
      ).toEqual([]);
    });
  });

  describe('ChangeLine', () => {
    it('raises the quantity: the extra units are to be ordered', () => {
      const { state, when } = given(backorderDecider, twoOnPo);
      const events = when(change(3));
      expect(events).toEqual([
        {
          type: 'BackorderLineQuantityChanged',
          data: {
            backorderId,
            lineId: 'l-1',
            from: 2,
            to: 3,
            reason: 'customer asked',
            disposition: null,
            freed: freed(0),
          },
        },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after).toMatchObject({ quantity: 3, toOrder: 1 });
    });

    it('does nothing when the quantity is already that', () => {
      expect(given(backorderDecider, twoOnPo).when(change(2))).toEqual([]);
    });

    it('lowers a line not on a PO yet without asking for a disposition', () => {
      const { state, when } = given(backorderDecider, [placed(placedLine({ quantity: 3 }))]);
      const events = when(change(2));
      expect(events).toEqual([
        {
          type: 'BackorderLineQuantityChanged',
          data: {
            backorderId,
            lineId: 'l-1',
            from: 3,
            to: 2,
            reason: 'customer asked',
            disposition: null,
            freed: freed(0),
          },
        },
      ]);
      expect(
        (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'].toOrder,
      ).toBe(2);
    });

    it('refuses to lower a line with units on order without a disposition', () => {
      rule(() => given(backorderDecider, twoOnPo).when(change(1)), 'disposition-required');
    });

    it('lowers a line on order with a disposition, letting go of units on the PO', () => {
      const { state, when } = given(backorderDecider, twoOnPo);
      const events = when(change(1, 'cancel-po-line'));
      expect(events).toEqual([
        {
          type: 'BackorderLineQuantityChanged',
          data: {
            backorderId,
            lineId: 'l-1',
            from: 2,
            to: 1,
            reason: 'customer asked',
            disposition: 'cancel-po-line',
            freed: freed(0, [{ allocationId: 'a-1', quantity: 1 }]),
          },
        },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after.onOrder['a-1'].quantity).toBe(1);
      expect(lineStatus(after)).toBe('on-po');
    });

    it('cancels a line whose units are on order, closing the order as cancelled', () => {
      expect(given(backorderDecider, twoOnPo).when(cancel('cancel-po-line'))).toEqual([
        {
          type: 'BackorderLineCancelled',
          data: {
            backorderId,
            lineId: 'l-1',
            reason: 'customer asked',
            disposition: 'cancel-po-line',
            freed: freed(0, [{ allocationId: 'a-1', quantity: 2 }]),
          },
        },
        { type: 'BackorderClosed', data: { backorderId, outcome: 'cancelled' } },
      ]);
    });

    it('cancels a line linked to stock, keeping the units as stock', () => {
      const { state, when } = given(backorderDecider, [...twoOfferedStock, linked('op-1', 2)]);
      const events = when(cancel('keep-as-stock'));
      expect(events).toEqual([
        {
          type: 'BackorderLineCancelled',
          data: {
            backorderId,
            lineId: 'l-1',
            reason: 'customer asked',
            disposition: 'keep-as-stock',
            freed: freed(2),
          },
        },
        { type: 'BackorderClosed', data: { backorderId, outcome: 'cancelled' } },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after).toMatchObject({ reserved: 0, linkedFromStock: 0, toOrder: 0 });
      expect(lineStatus(after)).toBe('cancelled');
    });

    it('cancels a line with held units given to the next customer: those handed over are not stock', () => {
      const held = [...twoOnPo, setAside('op-1', 2)];
      expect(given(backorderDecider, held).when(cancel('give-to-next-customer', 1))).toEqual([
        {
          type: 'BackorderLineCancelled',
          data: {
            backorderId,
            lineId: 'l-1',
            reason: 'customer asked',
            disposition: 'give-to-next-customer',
            freed: freed(1, [], 1, [{ allocationId: 'a-1', quantity: 2 }]),
          },
        },
        { type: 'BackorderClosed', data: { backorderId, outcome: 'cancelled' } },
      ]);
      expect(given(backorderDecider, held).when(cancel('give-to-next-customer', 5))).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({
            freed: freed(0, [], 2, [{ allocationId: 'a-1', quantity: 2 }]),
          }),
        }),
        expect.anything(),
      ]);
    });

    it('refuses to cancel a line with held units without a disposition', () => {
      rule(
        () => given(backorderDecider, [...twoOnPo, setAside('op-1', 2)]).when(cancel(null)),
        'disposition-required',
      );
    });

    it('cancels a line that holds nothing without a disposition, leaving other lines open', () => {
      const twoLines = [placed(placedLine({ lineId: 'l-1' }), placedLine({ lineId: 'l-2' }))];
      expect(given(backorderDecider, twoLines).when(cancel(null))).toEqual([
        {
          type: 'BackorderLineCancelled',
          data: {
            backorderId,
            lineId: 'l-1',
            reason: 'customer asked',
            disposition: null,
            freed: freed(0),
          },
        },
      ]);
    });

    it('does nothing when the line is already cancelled', () => {
      const cancelled: BackorderEvent = {
        type: 'BackorderLineCancelled',
        data: {
          backorderId,
          lineId: 'l-1',
          reason: 'x',
          disposition: 'cancel-po-line',
          freed: freed(0, [{ allocationId: 'a-1', quantity: 2 }]),
        },
      };
      expect(
        given(backorderDecider, [...twoOnPo, cancelled]).when(cancel('cancel-po-line')),
      ).toEqual([]);
    });

    it('refuses a quantity below one without cancelling', () => {
      rule(() => given(backorderDecider, twoOnPo).when(change(0)), 'quantity-not-valid');
    });

    it('refuses a change while a substitute waits for a decision', () => {
      rule(
        () => given(backorderDecider, [...twoOnPo, offered]).when(change(1, 'keep-as-stock')),
        'substitution-pending',
      );
    });

    it('refuses to change a fulfilled line', () => {
      rule(
        () =>
          given(backorderDecider, [...twoOnPo, setAside('op-1', 2), fulfilled('l-1', 2)]).when(
            change(3),
          ),
        'line-not-open',
      );
    });
  });

  describe('RaiseLineException', () => {
    const lost = { allocationId: 'a-1', poId: 'po-1', poNumber: 'PO-000001' };

    it('puts the line in exception for the units its PO line no longer supplies', () => {
      const { state, when } = given(backorderDecider, [...twoOnPo, setAside('op-1', 1)]);
      const events = when(
        new RaiseLineException(backorderId, 'l-1', lost, 'vendor discontinued it', context),
      );
      expect(events).toEqual([
        {
          type: 'BackorderLineExceptionRaised',
          data: {
            backorderId,
            lineId: 'l-1',
            ...lost,
            quantity: 1,
            reason: 'vendor discontinued it',
          },
        },
      ]);
      const after = (events.reduce(backorderDecider.evolve, state) as OpenBackorder).lines['l-1'];
      expect(after).toMatchObject({
        onOrder: {},
        reserved: 1,
        exception: 'vendor discontinued it',
      });
      expect(lineStatus(after)).toBe('exception');
    });

    it('does nothing when the allocation no longer supplies the line', () => {
      const raised: BackorderEvent = {
        type: 'BackorderLineExceptionRaised',
        data: { backorderId, lineId: 'l-1', ...lost, quantity: 2, reason: 'PO cancelled' },
      };
      expect(
        given(backorderDecider, [...twoOnPo, raised]).when(
          new RaiseLineException(backorderId, 'l-1', lost, 'PO cancelled', context),
        ),
      ).toEqual([]);
      expect(
        given(backorderDecider, twoOnPo).when(
          new RaiseLineException(
            backorderId,
            'l-1',
            { ...lost, allocationId: 'a-9' },
            'x',
            context,
          ),
        ),
      ).toEqual([]);
    });
  });
});
