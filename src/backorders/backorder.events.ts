import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { CustomerDetails } from '../customers/customer.events';
import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';

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

/** How a cancelled or reduced line's supply is dealt with, decided by staff and recorded. */
export const DISPOSITIONS = ['cancel-po-line', 'keep-as-stock', 'give-to-next-customer'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * What a change freed: units the store held for the line that go back to stock, held units
 * handed to the next waiting customer, and units on order let go on the POs.
 */
export interface FreedSupply {
  /** The product whose stock holds the line's units (the substitute, once accepted). */
  readonly productId: string;
  readonly stockUnits: number;
  readonly handedOver: number;
  readonly purchaseOrderUnits: readonly {
    readonly allocationId: string;
    readonly quantity: number;
  }[];
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
export type BackorderLineSubstitutionAccepted = DomainEvent<
  'BackorderLineSubstitutionAccepted',
  LineEvent & {
    readonly receiptId: string;
    readonly poId: string;
    readonly allocationId: string;
    readonly substitute: ProductSnapshot;
    readonly quantity: number;
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
    /** The product handed over: the substitute when one was accepted. */
    readonly productId: string;
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
