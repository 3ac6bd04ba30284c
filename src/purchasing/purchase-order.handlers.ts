import { handlersFor } from '../shared/commands/handlers-for';
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

/** Every command of a purchase order goes to its decider on the PO's stream. */
export const purchaseOrderCommandHandlers = handlersFor(
  purchaseOrderDecider,
  (command: PurchaseOrderCommandMessage) => streams.purchaseOrder(command.poId),
  [
    OpenPurchaseOrder,
    AllocateToPurchaseOrder,
    SubmitPurchaseOrder,
    AcknowledgePurchaseOrder,
    RevisePurchaseOrderEta,
    RecordReceipt,
    ResolveSubstitution,
    ReleaseAllocation,
    CancelPurchaseOrderLine,
    CancelPurchaseOrder,
    ClosePurchaseOrder,
  ],
);
