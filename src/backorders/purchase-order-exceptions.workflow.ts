import type {
  PurchaseOrderCancelled,
  PurchaseOrderClosed,
  PurchaseOrderLineCancelled,
} from '../purchasing/purchase-order.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineWorkflow, reactionContext, stateless } from '../shared/reactors/workflow';
import { RaiseLineException } from './backorder.commands';

type Trigger = RecordedEvent &
  (PurchaseOrderLineCancelled | PurchaseOrderCancelled | PurchaseOrderClosed);

const NAME = 'purchase-order-exceptions';

/** A link is never dropped silently: every customer line a PO no longer supplies goes into exception. */
export const purchaseOrderExceptionsWorkflow = defineWorkflow<Trigger, null>({
  ...stateless,
  name: NAME,
  eventTypes: ['PurchaseOrderLineCancelled', 'PurchaseOrderCancelled', 'PurchaseOrderClosed'],
  decide(event) {
    const { poId, poNumber, reason } = event.data;
    const what =
      event.type === 'PurchaseOrderClosed'
        ? `${poNumber} was closed without these units`
        : event.type === 'PurchaseOrderCancelled'
          ? `${poNumber} was cancelled`
          : `its line on ${poNumber} was cancelled`;
    return event.data.affected.map((line) => ({
      key: `backorder:${line.backorderId}`,
      command: new RaiseLineException(
        line.backorderId,
        line.lineId,
        { allocationId: line.allocationId, poId, poNumber },
        `${what}: ${reason}`,
        reactionContext(event, NAME),
      ),
    }));
  },
});
