import type { DomainEvent } from '../shared/domain/decider';

/** A customer's backorder line, as stock reservations name it. */
export interface LineRef {
  readonly backorderId: string;
  readonly lineId: string;
}

export interface Reservation extends LineRef {
  readonly quantity: number;
}

/**
 * Stock events carry the operation that caused them: a repeated operation (a reactor
 * redelivering, a retried request) is recognised and changes nothing.
 */
interface StockOperation {
  readonly productId: string;
  readonly operationId: string;
}

export type StockAdjusted = DomainEvent<
  'StockAdjusted',
  StockOperation & { readonly delta: number; readonly reason: string; readonly onHand: number }
>;
/** Units arrived from a vendor; those linked to customer lines are reserved (set aside) at once. */
export type StockReceived = DomainEvent<
  'StockReceived',
  StockOperation & {
    readonly receiptId: string;
    readonly poId: string;
    readonly poNumber: string;
    readonly quantity: number;
    readonly reservedFor: readonly Reservation[];
    readonly onHand: number;
  }
>;
export type StockReserved = DomainEvent<
  'StockReserved',
  StockOperation & {
    readonly reservation: Reservation;
    /** Units the line holds in all once this reservation is made. */
    readonly held: number;
    readonly reason: string;
  }
>;
export type StockReservationReleased = DomainEvent<
  'StockReservationReleased',
  StockOperation & LineRef & { readonly quantity: number; readonly reason: string }
>;
export type StockReservationTransferred = DomainEvent<
  'StockReservationTransferred',
  StockOperation & {
    readonly from: LineRef;
    readonly to: LineRef;
    readonly quantity: number;
    readonly reason: string;
  }
>;
/** Units left the store with the customer: on hand and the line's reservation both go down. */
export type StockIssued = DomainEvent<
  'StockIssued',
  StockOperation & LineRef & { readonly quantity: number; readonly onHand: number }
>;

export type StockEvent =
  | StockAdjusted
  | StockReceived
  | StockReserved
  | StockReservationReleased
  | StockReservationTransferred
  | StockIssued;
