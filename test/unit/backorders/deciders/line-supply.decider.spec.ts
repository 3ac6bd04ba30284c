import {
  LinkLineToStock,
  OrderLineAnyway,
  RaiseLineException,
  RecordLineOnPurchaseOrder,
  SetAsideLineUnits,
} from '../../../../src/backorders/backorder.commands';
import { lineSupplyDecider } from '../../../../src/backorders/line-supply.decider';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../../src/shared/domain/domain-errors';
import { backorderId, onPo, placed, poOrder, setAside } from '../../../support/backorder-history';
import { context, placedLine } from '../../../support/domain-fixtures';
import { scenario } from '../../../support/given-when-then';

describe('line supply decider', () => {
  const supply = scenario(lineSupplyDecider);

  it('records the line on a PO once per allocation', () => {
    const record = new RecordLineOnPurchaseOrder(backorderId, 'l-1', poOrder('a-1', 2), context);
    supply
      .given([placed()])
      .when(record)
      .then([onPo('a-1', 2)]);
    supply
      .given([placed(), onPo('a-1', 2)])
      .when(record)
      .thenNothingHappened();
  });

  it('sets units aside once per operation', () => {
    const command = new SetAsideLineUnits(
      backorderId,
      'l-1',
      'op-1',
      1,
      'a-1',
      'receipt r-1',
      context,
    );
    supply
      .given([placed(), onPo('a-1', 2)])
      .when(command)
      .then([setAside('op-1', 1)]);
    supply
      .given([placed(), onPo('a-1', 2), setAside('op-1', 1)])
      .when(command)
      .thenNothingHappened();
  });

  it('links stock only as far as the line needs it', () => {
    supply
      .given([placed(), onPo('a-1', 2)])
      .when(new LinkLineToStock(backorderId, 'l-1', 1, 'op-1', context))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('link-exceeds-line'));
  });

  it('orders anyway a line offered stock; a line already asked for changes nothing', () => {
    supply
      .given([placed()])
      .when(new OrderLineAnyway(backorderId, 'l-1', 'customer insists', context))
      .thenNothingHappened();
    const offeredStock = placed(placedLine({ quantity: 2, availableInStock: 2 }));
    supply
      .given([offeredStock])
      .when(new OrderLineAnyway(backorderId, 'l-1', 'customer insists', context))
      .then([
        {
          type: 'BackorderLineOrderedAnyway',
          data: { backorderId, lineId: 'l-1', quantity: 2, reason: 'customer insists' },
        },
      ]);
  });

  it('raises an exception for units lost on a PO, and only once', () => {
    const lost = { allocationId: 'a-1', poId: 'po-1', poNumber: 'PO-000001' };
    const raise = new RaiseLineException(backorderId, 'l-1', lost, 'PO cancelled', context);
    supply.given([placed()]).when(raise).thenNothingHappened();
    supply
      .given([placed(), onPo('a-1', 2)])
      .when(raise)
      .then([
        {
          type: 'BackorderLineExceptionRaised',
          data: { backorderId, lineId: 'l-1', ...lost, quantity: 2, reason: 'PO cancelled' },
        },
      ]);
  });

  it('answers an unknown order or line with a 404', () => {
    const command = new RecordLineOnPurchaseOrder(backorderId, 'l-9', poOrder('a-1', 2), context);
    supply.given([]).when(command).thenThrows(UnknownEntityError);
    supply.given([placed()]).when(command).thenThrows(UnknownEntityError);
  });
});
