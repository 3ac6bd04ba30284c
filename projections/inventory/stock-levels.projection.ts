import type { LineRef, Reservation, StockEvent } from '../../src/inventory/stock.events';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type StockRecordedEvent = RecordedEvent<StockEvent['type']> & StockEvent;

export interface StockLevel {
  readonly [field: string]: unknown;
  /** The product id: one document per product. */
  readonly id: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
  /** Which customer lines hold units, in the order they first did. */
  readonly reservations: readonly Reservation[];
  readonly updatedAt: string | null;
}

export function emptyStockLevel(productId: string): StockLevel {
  return { id: productId, onHand: 0, reserved: 0, available: 0, reservations: [], updatedAt: null };
}

/** Every event that changes a product's stock: other views that show stock follow them too. */
export const STOCK_EVENT_TYPES: readonly StockEvent['type'][] = [
  'StockAdjusted',
  'StockReceived',
  'StockReserved',
  'StockReservationReleased',
  'StockReservationTransferred',
  'StockIssued',
];

/** Units on hand, held for customers and free to sell, per product. */
export const stockLevelsProjection = defineProjection<StockRecordedEvent>({
  name: 'stock_levels',
  version: 1,
  eventTypes: [...STOCK_EVENT_TYPES],
  collections: [
    defineCollection<StockRecordedEvent, StockLevel>({
      name: 'stock',
      indexes: [{ field: 'available' }],
      documentIds: (event) => [event.data.productId],
      evolve: (document, event, id) => {
        const level = document ?? emptyStockLevel(id);
        const { onHand, reservations } = next(level, event);
        const reserved = reservations.reduce((n, r) => n + r.quantity, 0);
        return {
          id,
          onHand,
          reserved,
          available: onHand - reserved,
          reservations,
          updatedAt: event.metadata.occurredAt,
        };
      },
    }),
  ],
});

function next(
  level: StockLevel,
  event: StockRecordedEvent,
): { onHand: number; reservations: readonly Reservation[] } {
  const { onHand, reservations } = level;
  switch (event.type) {
    case 'StockAdjusted':
      return { onHand: event.data.onHand, reservations };
    case 'StockReceived':
      return {
        onHand: event.data.onHand,
        reservations: event.data.reservedFor.reduce(
          (rs, r) => hold(rs, r, r.quantity),
          reservations,
        ),
      };
    case 'StockReserved':
      return {
        onHand,
        reservations: hold(reservations, event.data.reservation, event.data.reservation.quantity),
      };
    case 'StockReservationReleased':
      return { onHand, reservations: hold(reservations, event.data, -event.data.quantity) };
    case 'StockReservationTransferred':
      return {
        onHand,
        reservations: hold(
          hold(reservations, event.data.from, -event.data.quantity),
          event.data.to,
          event.data.quantity,
        ),
      };
    case 'StockIssued':
      return {
        onHand: event.data.onHand,
        reservations: hold(reservations, event.data, -event.data.quantity),
      };
  }
}

/** The line's holding changed by delta; a line that holds nothing more leaves the list. */
function hold(
  reservations: readonly Reservation[],
  line: LineRef,
  delta: number,
): readonly Reservation[] {
  const same = (r: Reservation) => r.backorderId === line.backorderId && r.lineId === line.lineId;
  const held = (reservations.find(same)?.quantity ?? 0) + delta;
  const entry = { backorderId: line.backorderId, lineId: line.lineId, quantity: held };
  if (!reservations.some(same)) return held > 0 ? [...reservations, entry] : reservations;
  return held > 0
    ? reservations.map((r) => (same(r) ? entry : r))
    : reservations.filter((r) => !same(r));
}
