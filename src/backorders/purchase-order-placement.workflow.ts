import type {
  BackorderLineOrderedAnyway,
  BackorderLineQuantityChanged,
  BackorderPlaced,
} from './backorder.events';
import { stableId } from '../shared/commands/entity-id';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineWorkflow, reactionContext, stateless } from '../shared/reactors/workflow';
import { PlaceLinesOnPurchaseOrders } from './purchase-order-placement.commands';

type Trigger = RecordedEvent &
  (BackorderPlaced | BackorderLineOrderedAnyway | BackorderLineQuantityChanged);

const NAME = 'purchase-order-placement';

/**
 * A customer line to order lands on its vendor's open PO by itself: product data copied, never
 * retyped. A vendor's lines in a batch go together, so each PO takes them in one write and they
 * never race each other for it.
 */
export const purchaseOrderPlacementWorkflow = defineWorkflow<Trigger, null>({
  ...stateless,
  name: NAME,
  eventTypes: ['BackorderPlaced', 'BackorderLineOrderedAnyway', 'BackorderLineQuantityChanged'],
  decide(event) {
    const place = (lineId: string, quantity: number, vendorId: string | null) => ({
      key: vendorId ? `vendor:${vendorId}` : `backorder:${event.data.backorderId}`,
      command: new PlaceLinesOnPurchaseOrders([
        {
          backorderId: event.data.backorderId,
          lineId,
          quantity,
          allocationId: stableId('allocation', event.id, lineId),
          orderedAt: event.metadata.occurredAt,
          context: reactionContext(event, NAME),
        },
      ]),
    });
    switch (event.type) {
      case 'BackorderPlaced':
        return event.data.lines
          .filter((line) => line.availableInStock === 0)
          .map((line) => place(line.lineId, line.quantity, line.product.vendorId));
      case 'BackorderLineOrderedAnyway':
        return [place(event.data.lineId, event.data.quantity, null)];
      case 'BackorderLineQuantityChanged':
        return event.data.to > event.data.from
          ? [place(event.data.lineId, event.data.to - event.data.from, null)]
          : [];
    }
  },
  coalesce: (commands) => [
    new PlaceLinesOnPurchaseOrders(
      commands.flatMap((command) => (command as PlaceLinesOnPurchaseOrders).lines),
    ),
  ],
});
