import { PlaceBackorder } from '../../../../src/backorders/backorder.commands';
import { backorderOpeningDecider } from '../../../../src/backorders/backorder-opening.decider';
import { BusinessRuleViolation } from '../../../../src/shared/domain/domain-errors';
import { money } from '../../../../src/shared/domain/money';
import {
  backorderId,
  customer,
  number,
  placed,
  placedAt,
} from '../../../support/backorder-history';
import { context, placedLine } from '../../../support/domain-fixtures';
import { scenario } from '../../../support/given-when-then';

const place = (lines = [placedLine({ quantity: 2 })]) =>
  new PlaceBackorder(backorderId, number, customer, 'sales-1', placedAt, 0, null, lines, context);

describe('backorder opening decider', () => {
  const opening = scenario(backorderOpeningDecider);

  it('places the order with its lines', () => {
    opening.given([]).when(place()).then([placed()]);
  });

  it('places it once: a repeated placement changes nothing', () => {
    opening.given([placed()]).when(place()).thenNothingHappened();
  });

  it('refuses an order without lines, or priced in two currencies', () => {
    opening
      .given([])
      .when(place([]))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('backorder-needs-lines'));
    const euro = placedLine({ lineId: 'l-2', unitPrice: money(100, 'EUR') });
    opening
      .given([])
      .when(place([placedLine(), euro]))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('one-currency-per-order'));
  });
});
