import {
  consumeOrdered,
  type LineState,
  lineStatus,
  type OrderedUnits,
  outstanding,
  placedLine,
  issuedUnits,
  planRelease,
  receiveOrdered,
  releaseSupply,
  unsupplied,
} from '../../../src/backorders/backorder-line';
import { deepFreeze } from '../../support/decider';
import { placedLine as placed, productSnapshot } from '../../support/domain-fixtures';

const onPo = (poLineId: string, quantity: number): OrderedUnits => ({
  poId: 'po-1',
  poNumber: 'PO-000001',
  poLineId,
  vendorId: 'v-1',
  quantity,
});

/** A line of `quantity` units with the given supply; frozen so a helper that mutates fails. */
function line(quantity: number, supply: Partial<LineState> = {}): LineState {
  return deepFreeze({ ...placedLine(placed({ quantity })), ...supply });
}

describe('backorder line', () => {
  describe('placedLine', () => {
    it('asks for every unit from the vendor when no stock was available', () => {
      const l = placedLine(placed({ quantity: 3 }));
      expect(l).toMatchObject({ state: 'open', awaitingLink: false, toOrder: 3, reserved: 0 });
      expect(l.delivered).toEqual(l.product);
      expect(lineStatus(l)).toBe('to-order');
    });

    it('orders nothing and awaits a staff decision when stock was available', () => {
      const l = placedLine(placed({ quantity: 3, availableInStock: 1 }));
      expect(l).toMatchObject({ awaitingLink: true, toOrder: 0 });
      expect(lineStatus(l)).toBe('awaiting-link');
    });
  });

  describe('supply counts', () => {
    it('counts outstanding units over every allocation, and what nothing supplies yet', () => {
      const l = line(6, {
        toOrder: 1,
        reserved: 1,
        onOrder: { 'a-1': onPo('pl-1', 1), 'a-2': onPo('pl-1', 2) },
      });
      expect(outstanding(l)).toBe(3);
      expect(unsupplied(l)).toBe(1);
    });

    it('counts units offered as a substitute as supplied, and never goes below zero', () => {
      const substitution = {
        receiptId: 'r-1',
        poId: 'po-1',
        poLineId: 'pl-1',
        allocationId: 'a-1',
        substitute: productSnapshot({ productId: 'p-2' }),
        quantity: 2,
      };
      expect(unsupplied(line(3, { toOrder: 0, substitution }))).toBe(1);
      expect(unsupplied(line(1, { toOrder: 1, reserved: 1 }))).toBe(0);
    });
  });

  describe('lineStatus', () => {
    it.each<[string, LineState, string]>([
      ['on a PO', line(2, { toOrder: 0, onOrder: { 'a-1': onPo('pl-1', 2) } }), 'on-po'],
      [
        'partly held',
        line(2, { toOrder: 0, reserved: 1, onOrder: { 'a-1': onPo('pl-1', 1) } }),
        'partially-received',
      ],
      ['fully held', line(2, { toOrder: 0, reserved: 2 }), 'set-aside'],
      ['fully held and noticed', line(2, { toOrder: 0, reserved: 2, noticed: true }), 'ready'],
      ['fulfilled', line(2, { state: 'fulfilled' }), 'picked-up'],
      ['cancelled', line(2, { state: 'cancelled' }), 'cancelled'],
      ['in exception', line(2, { exception: 'PO cancelled', reserved: 2 }), 'exception'],
    ])('is derived for a line %s', (_what, l, status) => {
      expect(lineStatus(l)).toBe(status);
    });
  });

  describe('consumeOrdered', () => {
    const l = line(3, { toOrder: 0, onOrder: { 'a-1': onPo('pl-1', 1), 'a-2': onPo('pl-1', 2) } });

    it('takes units off one allocation and drops it when none are left', () => {
      expect(consumeOrdered(l, 'a-2', 1).onOrder).toEqual({
        'a-1': onPo('pl-1', 1),
        'a-2': onPo('pl-1', 1),
      });
      expect(consumeOrdered(l, 'a-1', 1).onOrder).toEqual({ 'a-2': onPo('pl-1', 2) });
    });

    it('leaves the line as it is for no allocation or an unknown one', () => {
      expect(consumeOrdered(l, null, 1)).toBe(l);
      expect(consumeOrdered(l, 'a-9', 1)).toBe(l);
    });
  });

  describe('receiveOrdered', () => {
    it('moves units from on order to held, remembering which allocation they came on', () => {
      const l = line(3, { toOrder: 0, onOrder: { 'a-1': onPo('pl-1', 3) } });
      const once = receiveOrdered(l, 'a-1', 2);
      expect(once).toMatchObject({
        reserved: 2,
        onOrder: { 'a-1': onPo('pl-1', 1) },
        heldFromOrders: { 'a-1': onPo('pl-1', 2) },
      });
      expect(receiveOrdered(deepFreeze(once), 'a-1', 1)).toMatchObject({
        reserved: 3,
        onOrder: {},
        heldFromOrders: { 'a-1': onPo('pl-1', 3) },
      });
    });

    it('holds units that came without an allocation', () => {
      const l = line(1, { toOrder: 0 });
      expect(receiveOrdered(l, null, 1)).toMatchObject({ reserved: 1, heldFromOrders: {} });
    });
  });

  describe('planRelease', () => {
    const nothing = { purchaseOrderUnits: [], heldUnits: [], released: [], handedOver: 0 };

    it('lets go first of units nothing supplies yet or not yet on a PO', () => {
      const l = line(5, { toOrder: 2, reserved: 1, onOrder: { 'a-1': onPo('pl-1', 2) } });
      expect(planRelease(l, 3)).toEqual(nothing);
    });

    it('then units on order, latest allocation first, then held units', () => {
      const l = line(6, {
        toOrder: 1,
        reserved: 2,
        linkedFromStock: 2,
        onOrder: { 'a-1': onPo('pl-1', 1), 'a-2': onPo('pl-2', 2) },
      });
      expect(planRelease(l, 1)).toEqual({
        ...nothing,
        purchaseOrderUnits: [
          { allocationId: 'a-2', quantity: 2 },
          { allocationId: 'a-1', quantity: 1 },
        ],
        released: [{ productId: 'p-1', quantity: 1 }],
      });
      expect(planRelease(l, 4)).toEqual({
        ...nothing,
        purchaseOrderUnits: [{ allocationId: 'a-2', quantity: 1 }],
      });
    });

    it('keeps the latest allocation latest after units of an earlier one arrived', () => {
      const l = line(4, {
        toOrder: 0,
        onOrder: { 'a-1': onPo('pl-1', 2), 'a-2': onPo('pl-1', 2) },
      });
      const partlyReceived = deepFreeze(receiveOrdered(l, 'a-1', 1));
      expect(planRelease(partlyReceived, 3).purchaseOrderUnits).toEqual([
        { allocationId: 'a-2', quantity: 1 },
      ]);
    });

    it('names the held units that arrived on a PO, so that a smaller line tells the PO', () => {
      const l = line(3, {
        toOrder: 0,
        reserved: 3,
        linkedFromStock: 1,
        heldFromOrders: { 'a-1': onPo('pl-1', 2) },
      });
      expect(planRelease(l, 2)).toEqual({
        ...nothing,
        heldUnits: [{ allocationId: 'a-1', quantity: 1 }],
        released: [{ productId: 'p-1', quantity: 1 }],
      });
    });

    it('gives back substitute units as their own product, before units linked from stock', () => {
      const substitute = productSnapshot({ productId: 'p-2' });
      const l = line(2, {
        toOrder: 0,
        reserved: 2,
        linkedFromStock: 1,
        substituteHeld: 1,
        delivered: substitute,
      });
      expect(planRelease(l, 1)).toEqual({
        ...nothing,
        released: [{ productId: 'p-2', quantity: 1 }],
      });
      expect(planRelease(l, 0).released).toEqual([
        { productId: 'p-1', quantity: 1 },
        { productId: 'p-2', quantity: 1 },
      ]);
    });

    it('frees nothing when the line grows or stays', () => {
      const l = line(2, { toOrder: 0, reserved: 2 });
      expect(planRelease(l, 2)).toEqual(nothing);
      expect(planRelease(l, 3)).toEqual(nothing);
    });
  });

  describe('issuedUnits', () => {
    it('issues the ordered product and an accepted substitute each from its own stock', () => {
      const substitute = productSnapshot({ productId: 'p-2' });
      const l = line(2, { reserved: 2, substituteHeld: 1, delivered: substitute });
      expect(issuedUnits(l)).toEqual([
        { productId: 'p-1', quantity: 1 },
        { productId: 'p-2', quantity: 1 },
      ]);
    });
  });

  describe('releaseSupply', () => {
    it('takes released units off the allocations and the held units', () => {
      const l = line(5, {
        toOrder: 0,
        reserved: 3,
        linkedFromStock: 3,
        onOrder: { 'a-1': onPo('pl-1', 2) },
      });
      const freed = {
        purchaseOrderUnits: [{ allocationId: 'a-1', quantity: 2 }],
        heldUnits: [],
        released: [{ productId: 'p-1', quantity: 1 }],
        handedOver: 1,
      };
      expect(releaseSupply(l, freed, 1)).toMatchObject({
        quantity: 1,
        reserved: 1,
        linkedFromStock: 1,
        onOrder: {},
        toOrder: 0,
      });
    });

    it('asks the vendor for no more than the smaller line still wants', () => {
      const l = line(4, { toOrder: 3, reserved: 1 });
      expect(
        releaseSupply(l, { purchaseOrderUnits: [], heldUnits: [], released: [], handedOver: 0 }, 2),
      ).toMatchObject({ quantity: 2, reserved: 1, toOrder: 1 });
    });

    it('forgets which allocations held units came from once nothing is held', () => {
      const l = line(2, {
        toOrder: 0,
        reserved: 2,
        heldFromOrders: { 'a-1': onPo('pl-1', 2) },
      });
      expect(
        releaseSupply(
          l,
          {
            purchaseOrderUnits: [],
            heldUnits: [{ allocationId: 'a-1', quantity: 2 }],
            released: [{ productId: 'p-1', quantity: 2 }],
            handedOver: 0,
          },
          0,
        ),
      ).toMatchObject({ quantity: 0, reserved: 0, heldFromOrders: {} });
    });
  });
});
