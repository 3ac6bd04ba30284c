import type {
  BackorderLineCancelled,
  BackorderLineQuantityChanged,
} from '../backorders/backorder.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineReactor, reactionContext } from '../shared/reactors/reactor-definition';
import { AdjustInvoiceLine } from './order-account.commands';

type Trigger = RecordedEvent & (BackorderLineQuantityChanged | BackorderLineCancelled);

const NAME = 'invoice-following';

/** The invoice follows the order: a line changed or cancelled is billed at its new quantity. */
export const invoiceFollowingReactor = defineReactor<Trigger>({
  name: NAME,
  eventTypes: ['BackorderLineQuantityChanged', 'BackorderLineCancelled'],
  react(event) {
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
