import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import {
  type BackorderCommandMessage,
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
} from './backorder.commands';
import { backorderDecider } from './backorder.decider';

/** Every command of a backorder goes to its decider on the order's stream. */
export const backorderCommandHandlers = handlersFor(
  backorderDecider,
  (command: BackorderCommandMessage) => streams.backorder(command.backorderId),
  [
    PlaceBackorder,
    OrderLineAnyway,
    LinkLineToStock,
    RecordLineOnPurchaseOrder,
    SetAsideLineUnits,
    OfferSubstitution,
    DecideSubstitution,
    RecordReadyNotice,
    FulfilLine,
    ChangeLine,
    RaiseLineException,
  ],
);
