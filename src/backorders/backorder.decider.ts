import type { Decider } from '../shared/domain/decider';
import type { BackorderCommandMessage } from './backorder.commands';
import type { BackorderEvent } from './backorder.events';
import { type BackorderState, evolveBackorder, initialBackorderState } from './backorder.evolve';
import { backorderOpeningDecider } from './backorder-opening.decider';
import { lineCompletionDecider } from './line-completion.decider';
import { lineSubstitutionDecider } from './line-substitution.decider';
import { lineSupplyDecider } from './line-supply.decider';

export type { BackorderState, OpenBackorder } from './backorder.evolve';

/**
 * A customer order: one state (backorder.evolve.ts), decided by concern: opening the order, a
 * line's supply, substitutes, and how lines end.
 */
export const backorderDecider: Decider<BackorderCommandMessage, BackorderEvent, BackorderState> = {
  initialState: initialBackorderState,
  evolve: evolveBackorder,
  decide(command, state) {
    switch (command.kind) {
      case 'PlaceBackorder':
        return backorderOpeningDecider.decide(command, state);
      case 'OrderLineAnyway':
      case 'LinkLineToStock':
      case 'RecordLineOnPurchaseOrder':
      case 'SetAsideLineUnits':
      case 'RaiseLineException':
        return lineSupplyDecider.decide(command, state);
      case 'OfferSubstitution':
      case 'DecideSubstitution':
        return lineSubstitutionDecider.decide(command, state);
      case 'RecordReadyNotice':
      case 'FulfilLine':
      case 'ChangeLine':
        return lineCompletionDecider.decide(command, state);
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};
