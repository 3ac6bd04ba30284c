import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { CustomerDetails } from '../customers/customer.events';
import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';
import type { Disposition } from '../purchasing/purchase-order.events';

export interface CustomerSnapshot extends CustomerDetails {
  readonly customerId: string;
}

export interface PlacedLine {
  readonly lineId: string;
  readonly product: ProductSnapshot;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** Units of this exact product available in stock when the order was placed. */
  readonly availableInStock: number;
}

export { DISPOSITIONS } from '../purchasing/purchase-order.events';
export type { Disposition };

export interface AllocationUnits {
  readonly allocationId: string;
  readonly quantity: number;
}

export interface ProductUnits {
  readonly productId: string;
  readonly quantity: number;
}

/** What a smaller or cancelled line lets go of. */
export interface FreedSupply {
  /** Units still on order, per PO allocation: the POs let them go (or hand them on). */
  readonly purchaseOrderUnits: readonly AllocationUnits[];
  /** Held units that arrived on a PO allocation: the PO stops counting them for the line. */
  readonly heldUnits: readonly AllocationUnits[];
  /** Stock reservations the line gives back, per product: those units are for sale again. */
  readonly released: readonly ProductUnits[];
  /** Held units the POs handed to the next waiting customer: the stock moves their reservation. */
  readonly handedOver: number;
}

export interface LineEvent {
  readonly backorderId: string;
  readonly lineId: string;
}

export type BackorderPlaced = DomainEvent<
  'BackorderPlaced',
  {
    readonly backorderId: string;
    readonly number: string;
    readonly customer: CustomerSnapshot;
    readonly salesperson: string;
    readonly placedAt: string;
    /** Higher first when the store receives by priority; 0 is normal. */
    readonly priority: number;
    readonly notes: string | null;
    readonly lines: readonly PlacedLine[];
  }
>;
export type BackorderLineOrderedAnyway = DomainEvent<
  'BackorderLineOrderedAnyway',
  LineEvent & { readonly quantity: number; readonly reason: string }
>;
export type BackorderLineLinkedToStock = DomainEvent<
  'BackorderLineLinkedToStock',
  LineEvent & {
    readonly productId: string;
    readonly quantity: number;
    readonly operationId: string;
  }
>;
export type BackorderLineOnPurchaseOrder = DomainEvent<
  'BackorderLineOnPurchaseOrder',
  LineEvent & {
    readonly allocationId: string;
    readonly poId: string;
    readonly poNumber: string;
    readonly poLineId: string;
    readonly vendorId: string;
    readonly quantity: number;
  }
>;
export type BackorderLineUnitsSetAside = DomainEvent<
  'BackorderLineUnitsSetAside',
  LineEvent & {
    readonly operationId: string;
    readonly quantity: number;
    /** The PO allocation the units satisfy, when they came in on a receipt or a transfer. */
    readonly allocationId: string | null;
    readonly source: string;
    /** What goes on the label of the units held for the customer. */
    readonly label: {
      readonly customerName: string;
      readonly backorderNumber: string;
      readonly productName: string;
      readonly vendorSku: string;
    };
  }
>;
export type BackorderLineSubstitutionOffered = DomainEvent<
  'BackorderLineSubstitutionOffered',
  LineEvent & {
    readonly receiptId: string;
    readonly poId: string;
    readonly poLineId: string;
    readonly allocationId: string;
    readonly substitute: ProductSnapshot;
    readonly quantity: number;
  }
>;
/** Version 2: carries the staff member's reason (null on events recorded before it was kept). */
export type BackorderLineSubstitutionAccepted = DomainEvent<
  'BackorderLineSubstitutionAccepted',
  LineEvent & {
    readonly receiptId: string;
    readonly poId: string;
    readonly allocationId: string;
    readonly substitute: ProductSnapshot;
    readonly quantity: number;
    readonly reason: string | null;
  }
>;
export type BackorderLineSubstitutionRejected = DomainEvent<
  'BackorderLineSubstitutionRejected',
  LineEvent & {
    readonly receiptId: string;
    readonly poId: string;
    readonly allocationId: string;
    readonly substitute: ProductSnapshot;
    readonly quantity: number;
    readonly reason: string;
  }
>;
export type BackorderReadyNoticeRecorded = DomainEvent<
  'BackorderReadyNoticeRecorded',
  {
    readonly backorderId: string;
    readonly lineIds: readonly string[];
    readonly channel: string;
    readonly recipient: string;
    readonly sentAt: string;
  }
>;
export type BackorderLineFulfilled = DomainEvent<
  'BackorderLineFulfilled',
  LineEvent & {
    readonly quantity: number;
    readonly method: 'pickup' | 'delivery';
    /** Units that left the store, per product (an accepted substitute is its own product). */
    readonly issued: readonly ProductUnits[];
  }
>;
export type BackorderLineQuantityChanged = DomainEvent<
  'BackorderLineQuantityChanged',
  LineEvent & {
    readonly from: number;
    readonly to: number;
    readonly reason: string;
    readonly disposition: Disposition | null;
    readonly freed: FreedSupply;
  }
>;
export type BackorderLineCancelled = DomainEvent<
  'BackorderLineCancelled',
  LineEvent & {
    readonly reason: string;
    readonly disposition: Disposition | null;
    readonly freed: FreedSupply;
  }
>;
export type BackorderLineExceptionRaised = DomainEvent<
  'BackorderLineExceptionRaised',
  LineEvent & {
    readonly reason: string;
    readonly allocationId: string;
    readonly poId: string;
    readonly poNumber: string;
    readonly quantity: number;
  }
>;
export type BackorderClosed = DomainEvent<
  'BackorderClosed',
  { readonly backorderId: string; readonly outcome: 'fulfilled' | 'cancelled' | 'partly-cancelled' }
>;

export type BackorderEvent =
  | BackorderPlaced
  | BackorderLineOrderedAnyway
  | BackorderLineLinkedToStock
  | BackorderLineOnPurchaseOrder
  | BackorderLineUnitsSetAside
  | BackorderLineSubstitutionOffered
  | BackorderLineSubstitutionAccepted
  | BackorderLineSubstitutionRejected
  | BackorderReadyNoticeRecorded
  | BackorderLineFulfilled
  | BackorderLineQuantityChanged
  | BackorderLineCancelled
  | BackorderLineExceptionRaised
  | BackorderClosed;
