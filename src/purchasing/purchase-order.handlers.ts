import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
import { streams } from '../shared/eventstore/stream-names';
import {
  AcknowledgePurchaseOrder,
  AllocateToPurchaseOrder,
  CancelPurchaseOrder,
  CancelPurchaseOrderLine,
  ClosePurchaseOrder,
  OpenPurchaseOrder,
  type PurchaseOrderCommandMessage,
  RecordReceipt,
  ReleaseAllocation,
  ResolveSubstitution,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from './purchase-order.commands';
import { purchaseOrderDecider } from './purchase-order.decider';
import type { PurchaseOrderEvent } from './purchase-order.events';
import type { PurchaseOrderState } from './purchase-order.evolve';

@Injectable()
abstract class PurchaseOrderCommandHandler extends DeciderCommandHandler<
  PurchaseOrderCommandMessage,
  PurchaseOrderEvent,
  PurchaseOrderState
> {
  protected readonly decider = purchaseOrderDecider;

  protected streamOf(command: PurchaseOrderCommandMessage): string {
    return streams.purchaseOrder(command.poId);
  }
}

@CommandHandler(OpenPurchaseOrder)
export class OpenPurchaseOrderHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(AllocateToPurchaseOrder)
export class AllocateToPurchaseOrderHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(SubmitPurchaseOrder)
export class SubmitPurchaseOrderHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(AcknowledgePurchaseOrder)
export class AcknowledgePurchaseOrderHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(RevisePurchaseOrderEta)
export class RevisePurchaseOrderEtaHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(RecordReceipt)
export class RecordReceiptHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(ResolveSubstitution)
export class ResolveSubstitutionHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(ReleaseAllocation)
export class ReleaseAllocationHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(CancelPurchaseOrderLine)
export class CancelPurchaseOrderLineHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(CancelPurchaseOrder)
export class CancelPurchaseOrderHandler extends PurchaseOrderCommandHandler {}
@CommandHandler(ClosePurchaseOrder)
export class ClosePurchaseOrderHandler extends PurchaseOrderCommandHandler {}

export const purchaseOrderCommandHandlers = [
  OpenPurchaseOrderHandler,
  AllocateToPurchaseOrderHandler,
  SubmitPurchaseOrderHandler,
  AcknowledgePurchaseOrderHandler,
  RevisePurchaseOrderEtaHandler,
  RecordReceiptHandler,
  ResolveSubstitutionHandler,
  ReleaseAllocationHandler,
  CancelPurchaseOrderLineHandler,
  CancelPurchaseOrderHandler,
  ClosePurchaseOrderHandler,
];
