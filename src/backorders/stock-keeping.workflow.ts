import { LinkLineToStock } from './backorder.commands';
import type {
  BackorderLineCancelled,
  BackorderLineFulfilled,
  BackorderLineQuantityChanged,
  BackorderLineSubstitutionRejected,
} from './backorder.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import {
  defineWorkflow,
  type Reaction,
  reactionContext,
  stateless,
} from '../shared/reactors/workflow';
import { IssueStock, ReleaseStockReservation } from '../inventory/stock.commands';
import type { StockReserved } from '../inventory/stock.events';

type Trigger = RecordedEvent &
  (
    | BackorderLineFulfilled
    | BackorderLineCancelled
    | BackorderLineQuantityChanged
    | BackorderLineSubstitutionRejected
    | StockReserved
  );

const NAME = 'stock-keeping';

/**
 * Keeps stock in step with the customer lines: units picked up leave stock, units a line lets go
 * of become available again, and a link to stock whose second step a crash interrupted is
 * completed on the line.
 */
export const stockKeepingWorkflow = defineWorkflow<Trigger, null>({
  ...stateless,
  name: NAME,
  eventTypes: [
    'BackorderLineFulfilled',
    'BackorderLineCancelled',
    'BackorderLineQuantityChanged',
    'BackorderLineSubstitutionRejected',
    'StockReserved',
  ],
  decide(event): Reaction[] {
    const context = reactionContext(event, NAME);
    switch (event.type) {
      case 'StockReserved': {
        const { reservation, held, operationId, reason } = event.data;
        if (reason !== 'backorder-link') return [];
        return [
          {
            key: `backorder:${reservation.backorderId}`,
            command: new LinkLineToStock(
              reservation.backorderId,
              reservation.lineId,
              held,
              operationId,
              context,
            ),
          },
        ];
      }
      case 'BackorderLineFulfilled': {
        const { issued, backorderId, lineId } = event.data;
        return issued.map(({ productId, quantity }) => ({
          key: `stock:${productId}`,
          command: new IssueStock(
            productId,
            `${event.id}:${productId}`,
            { backorderId, lineId },
            quantity,
            context,
          ),
        }));
      }
      case 'BackorderLineSubstitutionRejected': {
        const { substitute, backorderId, lineId, quantity } = event.data;
        const { productId } = substitute;
        return [
          {
            key: `stock:${productId}`,
            command: new ReleaseStockReservation(
              productId,
              event.id,
              { backorderId, lineId },
              quantity,
              'substitute declined',
              context,
            ),
          },
        ];
      }
      case 'BackorderLineCancelled':
      case 'BackorderLineQuantityChanged': {
        const { freed, backorderId, lineId, reason } = event.data;
        return freed.released.map(({ productId, quantity }) => ({
          key: `stock:${productId}`,
          command: new ReleaseStockReservation(
            productId,
            `${event.id}:${productId}`,
            { backorderId, lineId },
            quantity,
            reason,
            context,
          ),
        }));
      }
    }
  },
});
