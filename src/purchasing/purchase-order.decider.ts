import type { Decider } from '../shared/domain/decider';
import type { PurchaseOrderCommandMessage } from './purchase-order.commands';
import { evolvePurchaseOrder, type PurchaseOrderState } from './purchase-order.evolve';
import type { PurchaseOrderEvent } from './purchase-order.events';
import { purchaseOrderLifecycleDecider } from './purchase-order-lifecycle.decider';
import { purchaseOrderLinesDecider } from './purchase-order-lines.decider';
import { purchaseOrderReceivingDecider } from './purchase-order-receiving.decider';

/**
 * A purchase order: one state (purchase-order.evolve.ts), decided by concern: its lines and
 * allocations, its life with the vendor, and receiving.
 */
export const purchaseOrderDecider: Decider<
  PurchaseOrderCommandMessage,
  PurchaseOrderEvent,
  PurchaseOrderState
> = {
  initialState: { status: 'none' },
  evolve: evolvePurchaseOrder,

  decide(command, state) {
    switch (command.kind) {
      case 'OpenPurchaseOrder':
      case 'AllocateToPurchaseOrder':
        return purchaseOrderLinesDecider.decide(command, state);
      case 'RecordReceipt':
      case 'ResolveSubstitution':
      case 'ReleaseAllocation':
        return purchaseOrderReceivingDecider.decide(command, state);
      case 'SubmitPurchaseOrder':
      case 'AcknowledgePurchaseOrder':
      case 'RevisePurchaseOrderEta':
      case 'CancelPurchaseOrderLine':
      case 'CancelPurchaseOrder':
      case 'ClosePurchaseOrder':
        return purchaseOrderLifecycleDecider.decide(command, state);
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};
