import { OfferSubstitution, SetAsideLineUnits } from '../backorders/backorder.commands';
import { ReceiveStock, TransferStockReservation } from '../inventory/stock.commands';
import type {
  PurchaseOrderAllocationTransferred,
  PurchaseOrderReceiptRecorded,
} from '../purchasing/purchase-order.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import {
  defineWorkflow,
  type Reaction,
  reactionContext,
  stateless,
} from '../shared/reactors/workflow';

type Trigger = RecordedEvent & (PurchaseOrderReceiptRecorded | PurchaseOrderAllocationTransferred);

const NAME = 'receiving';

/**
 * What arrived becomes stock at once, with the units linked to customers reserved for them, and
 * each customer line learns its units are set aside (or that a substitute is offered).
 */
export const receivingWorkflow = defineWorkflow<Trigger, null>({
  ...stateless,
  name: NAME,
  eventTypes: ['PurchaseOrderReceiptRecorded', 'PurchaseOrderAllocationTransferred'],
  decide(event) {
    const context = reactionContext(event, NAME);
    if (event.type === 'PurchaseOrderAllocationTransferred') {
      const { transferId, productId, from, to, quantity, poId } = event.data;
      return [
        {
          key: `stock:${productId}`,
          command: new TransferStockReservation(
            productId,
            transferId,
            from,
            to,
            quantity,
            `handed over on ${poId}`,
            context,
          ),
        },
        {
          key: `backorder:${to.backorderId}`,
          command: new SetAsideLineUnits(
            to.backorderId,
            to.lineId,
            transferId,
            quantity,
            to.allocationId,
            'handed over by another customer',
            context,
          ),
        },
      ];
    }
    const { receiptId, poId, poNumber } = event.data;
    const receipt = { receiptId, poId, poNumber };
    const reactions: Reaction[] = [];
    for (const line of event.data.lines) {
      const { productId } = line.product;
      if (line.quantity > 0) {
        reactions.push({
          key: `stock:${productId}`,
          command: new ReceiveStock(
            productId,
            `${receiptId}:${line.poLineId}`,
            receipt,
            line.quantity,
            line.setAside,
            context,
          ),
        });
      }
      for (const units of line.setAside) {
        reactions.push({
          key: `backorder:${units.backorderId}`,
          command: new SetAsideLineUnits(
            units.backorderId,
            units.lineId,
            `${receiptId}:${units.allocationId}`,
            units.quantity,
            units.allocationId,
            `receipt of ${poNumber}`,
            context,
          ),
        });
      }
      const substitution = line.substitution;
      if (!substitution) continue;
      const substitute = substitution.product;
      reactions.push({
        key: `stock:${substitute.productId}`,
        command: new ReceiveStock(
          substitute.productId,
          `${receiptId}:${line.poLineId}:substitute`,
          receipt,
          substitution.quantity,
          substitution.offered,
          context,
        ),
      });
      for (const units of substitution.offered) {
        reactions.push({
          key: `backorder:${units.backorderId}`,
          command: new OfferSubstitution(
            units.backorderId,
            units.lineId,
            {
              receiptId,
              poId,
              poLineId: line.poLineId,
              allocationId: units.allocationId,
              substitute,
              quantity: units.quantity,
            },
            context,
          ),
        });
      }
    }
    return reactions;
  },
});
