import type {
  BackorderLineCancelled,
  BackorderLineQuantityChanged,
} from '../backorders/backorder.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineWorkflow, reactionContext, stateless } from '../shared/reactors/workflow';
import { AdjustInvoiceLine } from './order-account.commands';

type Trigger = RecordedEvent & (BackorderLineQuantityChanged | BackorderLineCancelled);

const NAME = 'invoice-following';

/** The invoice follows the order: a line changed or cancelled is billed at its new quantity. */
export const invoiceFollowingWorkflow = defineWorkflow<Trigger, null>({
  name: NAME,
  eventTypes: ['BackorderLineQuantityChanged', 'BackorderLineCancelled'],
  ...stateless,
  decide(event) {
    const { backorderId, lineId, reason } = event.data;
    const quantity = event.type === 'BackorderLineCancelled' ? 0 : event.data.to;
    return [
      {
        key: `order_account:${backorderId}`,
        command: new AdjustInvoiceLine(
          backorderId,
          lineId,
          quantity,
          reason,
          reactionContext(event, NAME),
        ),
      },
    ];
  },
});
