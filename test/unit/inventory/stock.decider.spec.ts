import {
  AdjustStock,
  IssueStock,
  ReceiveStock,
  ReleaseStockReservation,
  ReserveStock,
  TransferStockReservation,
} from '../../../src/inventory/stock.commands';
import { available, heldBy, stockDecider } from '../../../src/inventory/stock.decider';
import type { StockEvent } from '../../../src/inventory/stock.events';
import { BusinessRuleViolation } from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';
import { context } from '../../support/domain-fixtures';

const productId = 'p-1';
const ada = { backorderId: 'bo-1', lineId: 'l-1' };
const bob = { backorderId: 'bo-2', lineId: 'l-1' };
const receipt = { receiptId: 'r-1', poId: 'po-1', poNumber: 'PO-000001' };

const adjusted = (operationId: string, delta: number, onHand: number): StockEvent => ({
  type: 'StockAdjusted',
  data: { productId, operationId, delta, reason: 'count', onHand },
});
const reserved = (
  operationId: string,
  line: typeof ada,
  quantity: number,
  held: number,
): StockEvent => ({
  type: 'StockReserved',
  data: {
    productId,
    operationId,
    reservation: { ...line, quantity },
    held,
    reason: 'linked to backorder',
  },
});
/** Five on hand, two of them held for Ada. */
const fiveWithTwoForAda = [adjusted('op-1', 5, 5), reserved('op-2', ada, 2, 2)];

describe('stock decider', () => {
  describe('AdjustStock', () => {
    it('records the delta and the resulting units on hand', () => {
      expect(
        given(stockDecider, [adjusted('op-1', 5, 5)]).when(
          new AdjustStock(productId, 'op-2', -3, 'count', context),
        ),
      ).toEqual([adjusted('op-2', -3, 2)]);
    });

    it('refuses to take on hand below the units held for customers', () => {
      const adjust = () =>
        given(stockDecider, fiveWithTwoForAda).when(
          new AdjustStock(productId, 'op-3', -4, 'damaged', context),
        );
      expect(adjust).toThrow(BusinessRuleViolation);
      expect(adjust).toThrow(
        expect.objectContaining({
          rule: 'stock-below-reserved',
          details: { onHand: 5, reserved: 2 },
        }),
      );
    });

    it('lets on hand go down to exactly what is held', () => {
      expect(
        given(stockDecider, fiveWithTwoForAda).when(
          new AdjustStock(productId, 'op-3', -3, 'count', context),
        ),
      ).toEqual([adjusted('op-3', -3, 2)]);
    });

    it('refuses negative stock for a product nobody reserved', () => {
      expect(() =>
        given(stockDecider, []).when(new AdjustStock(productId, 'op-1', -1, 'count', context)),
      ).toThrow(expect.objectContaining({ rule: 'stock-below-reserved' }));
    });

    it('does nothing for a zero delta', () => {
      expect(
        given(stockDecider, []).when(new AdjustStock(productId, 'op-1', 0, 'count', context)),
      ).toEqual([]);
    });

    it('does nothing when the operation was already applied', () => {
      expect(
        given(stockDecider, [adjusted('op-1', 5, 5)]).when(
          new AdjustStock(productId, 'op-1', 5, 'count', context),
        ),
      ).toEqual([]);
    });
  });

  describe('ReceiveStock', () => {
    it('adds the units and sets aside those linked to customer lines', () => {
      const { state, when } = given(stockDecider, [adjusted('op-1', 1, 1)]);
      const events = when(
        new ReceiveStock(
          productId,
          'op-2',
          receipt,
          4,
          [
            { ...ada, quantity: 2 },
            { ...bob, quantity: 0 },
          ],
          context,
        ),
      );
      expect(events).toEqual([
        {
          type: 'StockReceived',
          data: {
            productId,
            operationId: 'op-2',
            ...receipt,
            quantity: 4,
            reservedFor: [{ ...ada, quantity: 2 }],
            onHand: 5,
          },
        },
      ]);
      const after = events.reduce(stockDecider.evolve, state);
      expect([after.onHand, after.reserved, available(after), heldBy(after, ada)]).toEqual([
        5, 2, 3, 2,
      ]);
      expect(heldBy(after, bob)).toBe(0);
    });

    it('refuses to set aside more units than arrived', () => {
      expect(() =>
        given(stockDecider, []).when(
          new ReceiveStock(
            productId,
            'op-1',
            receipt,
            2,
            [
              { ...ada, quantity: 2 },
              { ...bob, quantity: 1 },
            ],
            context,
          ),
        ),
      ).toThrow(expect.objectContaining({ rule: 'set-aside-exceeds-received' }));
    });

    it('does nothing when the receipt operation was already applied', () => {
      const received: StockEvent = {
        type: 'StockReceived',
        data: {
          productId,
          operationId: 'op-1',
          ...receipt,
          quantity: 2,
          reservedFor: [],
          onHand: 2,
        },
      };
      expect(
        given(stockDecider, [received]).when(
          new ReceiveStock(productId, 'op-1', receipt, 2, [], context),
        ),
      ).toEqual([]);
    });
  });

  describe('ReserveStock', () => {
    it('reserves available units for a customer line', () => {
      const { state, when } = given(stockDecider, [adjusted('op-1', 5, 5)]);
      const events = when(
        new ReserveStock(
          productId,
          'op-2',
          { ...ada, quantity: 2 },
          'linked to backorder',
          context,
        ),
      );
      expect(events).toEqual([reserved('op-2', ada, 2, 2)]);
      const after = events.reduce(stockDecider.evolve, state);
      expect([after.reserved, available(after), heldBy(after, ada)]).toEqual([2, 3, 2]);
    });

    it('reserves only the difference when the line already holds some units', () => {
      expect(
        given(stockDecider, fiveWithTwoForAda).when(
          new ReserveStock(
            productId,
            'op-3',
            { ...ada, quantity: 3 },
            'linked to backorder',
            context,
          ),
        ),
      ).toEqual([reserved('op-3', ada, 1, 3)]);
    });

    it('does nothing when the line already holds that many, whatever the operation id', () => {
      const { when } = given(stockDecider, fiveWithTwoForAda);
      expect(
        when(new ReserveStock(productId, 'op-3', { ...ada, quantity: 2 }, 'again', context)),
      ).toEqual([]);
      expect(
        when(new ReserveStock(productId, 'op-4', { ...ada, quantity: 1 }, 'fewer', context)),
      ).toEqual([]);
    });

    it('does nothing when the operation was already applied', () => {
      expect(
        given(stockDecider, fiveWithTwoForAda).when(
          new ReserveStock(productId, 'op-2', { ...ada, quantity: 4 }, 'again', context),
        ),
      ).toEqual([]);
    });

    it('refuses to reserve beyond the available units', () => {
      const reserve = () =>
        given(stockDecider, fiveWithTwoForAda).when(
          new ReserveStock(productId, 'op-3', { ...bob, quantity: 4 }, 'linked', context),
        );
      expect(reserve).toThrow(BusinessRuleViolation);
      expect(reserve).toThrow(
        expect.objectContaining({ rule: 'stock-not-available', details: { available: 3 } }),
      );
    });
  });

  describe('ReleaseStockReservation', () => {
    it('releases held units back to available', () => {
      const { state, when } = given(stockDecider, fiveWithTwoForAda);
      const events = when(
        new ReleaseStockReservation(productId, 'op-3', ada, 1, 'line reduced', context),
      );
      expect(events).toEqual([
        {
          type: 'StockReservationReleased',
          data: { productId, operationId: 'op-3', ...ada, quantity: 1, reason: 'line reduced' },
        },
      ]);
      const after = events.reduce(stockDecider.evolve, state);
      expect([after.reserved, available(after), heldBy(after, ada)]).toEqual([1, 4, 1]);
    });

    it('releases no more than the line holds, and forgets a line that holds nothing', () => {
      const { state, when } = given(stockDecider, fiveWithTwoForAda);
      const events = when(
        new ReleaseStockReservation(productId, 'op-3', ada, 5, 'line cancelled', context),
      );
      expect(events).toEqual([
        {
          type: 'StockReservationReleased',
          data: { productId, operationId: 'op-3', ...ada, quantity: 2, reason: 'line cancelled' },
        },
      ]);
      const after = events.reduce(stockDecider.evolve, state);
      expect(after.reservations.has('bo-1/l-1')).toBe(false);
      expect(available(after)).toBe(5);
    });

    it('does nothing for a line that holds nothing, or a repeated operation', () => {
      const released: StockEvent = {
        type: 'StockReservationReleased',
        data: { productId, operationId: 'op-3', ...ada, quantity: 1, reason: 'reduced' },
      };
      const { when } = given(stockDecider, [...fiveWithTwoForAda, released]);
      expect(when(new ReleaseStockReservation(productId, 'op-4', bob, 1, 'x', context))).toEqual(
        [],
      );
      expect(
        when(new ReleaseStockReservation(productId, 'op-3', ada, 1, 'reduced', context)),
      ).toEqual([]);
    });
  });

  describe('TransferStockReservation', () => {
    it('moves held units from one customer line to another', () => {
      const { state, when } = given(stockDecider, fiveWithTwoForAda);
      const events = when(
        new TransferStockReservation(productId, 'op-3', ada, bob, 1, 'given to next', context),
      );
      expect(events).toEqual([
        {
          type: 'StockReservationTransferred',
          data: {
            productId,
            operationId: 'op-3',
            from: ada,
            to: bob,
            quantity: 1,
            reason: 'given to next',
          },
        },
      ]);
      const after = events.reduce(stockDecider.evolve, state);
      expect([heldBy(after, ada), heldBy(after, bob), after.reserved]).toEqual([1, 1, 2]);
    });

    it('moves no more than the giving line holds', () => {
      expect(
        given(stockDecider, fiveWithTwoForAda).when(
          new TransferStockReservation(productId, 'op-3', ada, bob, 3, 'given', context),
        ),
      ).toEqual([
        {
          type: 'StockReservationTransferred',
          data: {
            productId,
            operationId: 'op-3',
            from: ada,
            to: bob,
            quantity: 2,
            reason: 'given',
          },
        },
      ]);
    });

    it('does nothing when the giving line holds nothing, or for a repeated transfer', () => {
      const transferred: StockEvent = {
        type: 'StockReservationTransferred',
        data: { productId, operationId: 'op-3', from: ada, to: bob, quantity: 1, reason: 'given' },
      };
      const { when } = given(stockDecider, [...fiveWithTwoForAda, transferred]);
      expect(
        when(
          new TransferStockReservation(
            productId,
            'op-4',
            { backorderId: 'bo-9', lineId: 'l-1' },
            bob,
            1,
            'x',
            context,
          ),
        ),
      ).toEqual([]);
      expect(
        when(new TransferStockReservation(productId, 'op-3', ada, bob, 1, 'given', context)),
      ).toEqual([]);
    });
  });

  describe('IssueStock', () => {
    it('hands held units to the customer: on hand and the reservation both go down', () => {
      const { state, when } = given(stockDecider, fiveWithTwoForAda);
      const events = when(new IssueStock(productId, 'op-3', ada, 2, context));
      expect(events).toEqual([
        {
          type: 'StockIssued',
          data: { productId, operationId: 'op-3', ...ada, quantity: 2, onHand: 3 },
        },
      ]);
      const after = events.reduce(stockDecider.evolve, state);
      expect([after.onHand, after.reserved, available(after), heldBy(after, ada)]).toEqual([
        3, 0, 3, 0,
      ]);
    });

    it('issues no more than the line holds', () => {
      expect(
        given(stockDecider, fiveWithTwoForAda).when(
          new IssueStock(productId, 'op-3', ada, 3, context),
        ),
      ).toEqual([
        {
          type: 'StockIssued',
          data: { productId, operationId: 'op-3', ...ada, quantity: 2, onHand: 3 },
        },
      ]);
    });

    it('does nothing for a line holding nothing, or a repeated issue', () => {
      const issued: StockEvent = {
        type: 'StockIssued',
        data: { productId, operationId: 'op-3', ...ada, quantity: 1, onHand: 4 },
      };
      const { when } = given(stockDecider, [...fiveWithTwoForAda, issued]);
      expect(when(new IssueStock(productId, 'op-4', bob, 1, context))).toEqual([]);
      expect(when(new IssueStock(productId, 'op-3', ada, 1, context))).toEqual([]);
    });
  });
});
