import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { Decider } from '../shared/domain/decider';
import type { DecideSubstitution, OfferSubstitution } from './backorder.commands';
import type { BackorderEvent } from './backorder.events';
import { type BackorderState, evolveBackorder, initialBackorderState } from './backorder.evolve';
import { offerKey } from './line-events';
import { assertOpen, lineOf, placedOrder } from './line-rules';

export type LineSubstitutionCommand = OfferSubstitution | DecideSubstitution;

/** A substitute the vendor sent: offered to the customer, who accepts or declines it. */
export const lineSubstitutionDecider: Decider<
  LineSubstitutionCommand,
  BackorderEvent,
  BackorderState
> = {
  initialState: initialBackorderState,
  evolve: evolveBackorder,
  decide(command, state) {
    const order = placedOrder(state, command.backorderId);
    const line = lineOf(order, command);
    const at = { backorderId: order.backorderId, lineId: line.lineId };
    switch (command.kind) {
      case 'OfferSubstitution':
        if (order.operations.has(offerKey(command.offer.receiptId, command.offer.allocationId)))
          return [];
        assertOpen(line);
        return [{ type: 'BackorderLineSubstitutionOffered', data: { ...at, ...command.offer } }];
      case 'DecideSubstitution': {
        assertOpen(line);
        const offer = line.substitution;
        if (!offer)
          throw new BusinessRuleViolation(
            'no-substitution-pending',
            'no substitute is waiting for a decision on this line',
          );
        const { receiptId, poId, allocationId, substitute, quantity } = offer;
        const decided = { ...at, receiptId, poId, allocationId, substitute, quantity };
        return [
          command.accept
            ? {
                type: 'BackorderLineSubstitutionAccepted',
                data: { ...decided, reason: command.reason },
              }
            : {
                type: 'BackorderLineSubstitutionRejected',
                data: { ...decided, reason: command.reason },
              },
        ];
      }
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};
