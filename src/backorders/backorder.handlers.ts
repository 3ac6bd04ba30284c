import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
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
import { backorderDecider, type BackorderState } from './backorder.decider';
import type { BackorderEvent } from './backorder.events';

@Injectable()
abstract class BackorderCommandHandler extends DeciderCommandHandler<
  BackorderCommandMessage,
  BackorderEvent,
  BackorderState
> {
  protected readonly decider = backorderDecider;

  protected streamOf(command: BackorderCommandMessage): string {
    return streams.backorder(command.backorderId);
  }
}

@CommandHandler(PlaceBackorder)
export class PlaceBackorderHandler extends BackorderCommandHandler {}
@CommandHandler(OrderLineAnyway)
export class OrderLineAnywayHandler extends BackorderCommandHandler {}
@CommandHandler(LinkLineToStock)
export class LinkLineToStockHandler extends BackorderCommandHandler {}
@CommandHandler(RecordLineOnPurchaseOrder)
export class RecordLineOnPurchaseOrderHandler extends BackorderCommandHandler {}
@CommandHandler(SetAsideLineUnits)
export class SetAsideLineUnitsHandler extends BackorderCommandHandler {}
@CommandHandler(OfferSubstitution)
export class OfferSubstitutionHandler extends BackorderCommandHandler {}
@CommandHandler(DecideSubstitution)
export class DecideSubstitutionHandler extends BackorderCommandHandler {}
@CommandHandler(RecordReadyNotice)
export class RecordReadyNoticeHandler extends BackorderCommandHandler {}
@CommandHandler(FulfilLine)
export class FulfilLineHandler extends BackorderCommandHandler {}
@CommandHandler(ChangeLine)
export class ChangeLineHandler extends BackorderCommandHandler {}
@CommandHandler(RaiseLineException)
export class RaiseLineExceptionHandler extends BackorderCommandHandler {}

export const backorderCommandHandlers = [
  PlaceBackorderHandler,
  OrderLineAnywayHandler,
  LinkLineToStockHandler,
  RecordLineOnPurchaseOrderHandler,
  SetAsideLineUnitsHandler,
  OfferSubstitutionHandler,
  DecideSubstitutionHandler,
  RecordReadyNoticeHandler,
  FulfilLineHandler,
  ChangeLineHandler,
  RaiseLineExceptionHandler,
];
