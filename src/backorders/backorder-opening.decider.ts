import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { Decider } from '../shared/domain/decider';
import type { PlaceBackorder } from './backorder.commands';
import type { BackorderEvent } from './backorder.events';
import { type BackorderState, evolveBackorder, initialBackorderState } from './backorder.evolve';

/** A new order with its lines, each priced in the order's one currency; placing it again is a no-op. */
export const backorderOpeningDecider: Decider<PlaceBackorder, BackorderEvent, BackorderState> = {
  initialState: initialBackorderState,
  evolve: evolveBackorder,
  decide(command, state) {
    if (state.status !== 'none') return [];
    assertLines(command.lines);
    const { backorderId, number, customer, salesperson, placedAt, priority, notes, lines } =
      command;
    return [
      {
        type: 'BackorderPlaced',
        data: { backorderId, number, customer, salesperson, placedAt, priority, notes, lines },
      },
    ];
  },
};

function assertLines(
  lines: readonly {
    lineId: string;
    quantity: number;
    unitPrice: { amount: number; currency: string };
  }[],
): void {
  if (lines.length === 0) {
    throw new BusinessRuleViolation('backorder-needs-lines', 'a backorder has at least one line');
  }
  if (new Set(lines.map((l) => l.lineId)).size !== lines.length) {
    throw new BusinessRuleViolation('line-ids-not-unique', 'two lines share an id');
  }
  if (new Set(lines.map((l) => l.unitPrice.currency)).size > 1) {
    throw new BusinessRuleViolation(
      'one-currency-per-order',
      'all lines of an order are priced in one currency',
    );
  }
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new BusinessRuleViolation(
        'quantity-not-valid',
        `line ${line.lineId} needs a whole number of units`,
      );
    }
    if (!Number.isSafeInteger(line.unitPrice.amount) || line.unitPrice.amount < 0) {
      throw new BusinessRuleViolation('price-not-valid', `line ${line.lineId} has no valid price`);
    }
  }
}
