import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';

/** How a cancelled or reduced line's supply is dealt with, decided by staff and recorded. */
export const DISPOSITIONS = ['cancel-po-line', 'keep-as-stock', 'give-to-next-customer'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** "n units of this PO line are for that customer line": an explicit, recorded link. */
export interface Allocation {
  readonly allocationId: string;
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly lineId: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly quantity: number;
  readonly priority: number;
  /** When the backorder was placed: receiving serves the oldest first. */
  readonly placedAt: string;
}

/** A customer line an event about the PO concerns, so its orders show it. */
export interface AffectedLine {
  readonly backorderId: string;
  readonly lineId: string;
  readonly poLineId: string;
  readonly allocationId: string;
}

export interface SetAsideUnits {
  readonly allocationId: string;
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly lineId: string;
  readonly customerName: string;
  readonly quantity: number;
}

export interface ReceiptLine {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly ordered: number;
  readonly receivedBefore: number;
  readonly quantity: number;
  readonly over: number;
  readonly short: number;
  readonly setAside: readonly SetAsideUnits[];
  readonly toStock: number;
  /** Units of another product sent in place of this one, offered to the waiting customers. */
  readonly substitution: {
    readonly product: ProductSnapshot;
    readonly quantity: number;
    readonly offered: readonly SetAsideUnits[];
    readonly toStock: number;
  } | null;
}

export type PurchaseOrderStatus =
  | 'draft'
  | 'submitted'
  | 'acknowledged'
  | 'partially-received'
  | 'received'
  | 'closed'
  | 'cancelled';

interface OnPurchaseOrder {
  readonly poId: string;
}

export type PurchaseOrderOpened = DomainEvent<
  'PurchaseOrderOpened',
  OnPurchaseOrder & {
    readonly number: string;
    readonly vendorId: string;
    readonly vendorName: string;
    /** Which open-PO window of the vendor's consolidation policy it collects; null when made by hand. */
    readonly consolidation: {
      readonly policy: string;
      readonly windowKey: string;
      readonly generation: number;
    } | null;
  }
>;
export type PurchaseOrderLineAdded = DomainEvent<
  'PurchaseOrderLineAdded',
  OnPurchaseOrder & {
    readonly poLineId: string;
    readonly product: ProductSnapshot;
    readonly quantity: number;
    readonly unitCost: Money;
  }
>;
export type PurchaseOrderLineQuantityChanged = DomainEvent<
  'PurchaseOrderLineQuantityChanged',
  OnPurchaseOrder & {
    readonly poLineId: string;
    readonly from: number;
    readonly to: number;
    readonly reason: string;
  }
>;
export type PurchaseOrderLineAllocated = DomainEvent<
  'PurchaseOrderLineAllocated',
  OnPurchaseOrder & {
    readonly poLineId: string;
    readonly poNumber: string;
    readonly allocation: Allocation;
  }
>;
export type PurchaseOrderAllocationReleased = DomainEvent<
  'PurchaseOrderAllocationReleased',
  OnPurchaseOrder & {
    readonly operationId: string;
    readonly poLineId: string;
    readonly allocationId: string;
    readonly backorderId: string;
    readonly lineId: string;
    /** Units on order the customer no longer takes. */
    readonly quantity: number;
    /** Units already held for the customer that go to stock. */
    readonly heldReleased: number;
    /** cancel-po-line: the vendor is asked for fewer; keep-as-stock: the units will be stock. */
    readonly disposition: 'cancel-po-line' | 'keep-as-stock';
    readonly reason: string;
  }
>;
export type PurchaseOrderAllocationTransferred = DomainEvent<
  'PurchaseOrderAllocationTransferred',
  OnPurchaseOrder & {
    readonly transferId: string;
    readonly poLineId: string;
    readonly productId: string;
    readonly from: {
      readonly allocationId: string;
      readonly backorderId: string;
      readonly lineId: string;
    };
    readonly to: SetAsideUnits;
    readonly quantity: number;
    /** on-order: units not received yet change hands; set-aside: units held in the store do. */
    readonly units: 'on-order' | 'set-aside';
    readonly reason: string;
  }
>;
export type PurchaseOrderSubmitted = DomainEvent<
  'PurchaseOrderSubmitted',
  OnPurchaseOrder & { readonly affected: readonly AffectedLine[] }
>;
export type PurchaseOrderAcknowledged = DomainEvent<
  'PurchaseOrderAcknowledged',
  OnPurchaseOrder & {
    readonly vendorReference: string | null;
    readonly etas: readonly { readonly poLineId: string; readonly eta: string }[];
    readonly affected: readonly AffectedLine[];
  }
>;
export type PurchaseOrderLineEtaRevised = DomainEvent<
  'PurchaseOrderLineEtaRevised',
  OnPurchaseOrder & {
    readonly poLineId: string;
    readonly previous: string | null;
    readonly eta: string;
    readonly source: 'vendor' | 'staff';
    readonly reason: string | null;
    readonly affected: readonly AffectedLine[];
  }
>;
export type PurchaseOrderReceiptRecorded = DomainEvent<
  'PurchaseOrderReceiptRecorded',
  OnPurchaseOrder & {
    readonly receiptId: string;
    readonly poNumber: string;
    readonly vendorId: string;
    readonly vendorName: string;
    readonly lines: readonly ReceiptLine[];
    readonly status: PurchaseOrderStatus;
  }
>;
export type PurchaseOrderSubstitutionResolved = DomainEvent<
  'PurchaseOrderSubstitutionResolved',
  OnPurchaseOrder & {
    readonly receiptId: string;
    readonly poLineId: string;
    readonly allocationId: string;
    readonly backorderId: string;
    readonly lineId: string;
    readonly quantity: number;
    readonly accepted: boolean;
    readonly status: PurchaseOrderStatus;
  }
>;
export type PurchaseOrderLineCancelled = DomainEvent<
  'PurchaseOrderLineCancelled',
  OnPurchaseOrder & {
    readonly poLineId: string;
    readonly poNumber: string;
    readonly reason: string;
    readonly affected: readonly (AffectedLine & { readonly quantity: number })[];
  }
>;
export type PurchaseOrderCancelled = DomainEvent<
  'PurchaseOrderCancelled',
  OnPurchaseOrder & {
    readonly poNumber: string;
    readonly reason: string;
    readonly affected: readonly (AffectedLine & { readonly quantity: number })[];
  }
>;
/** Closing a PO short leaves its outstanding customer units without supply: those lines are affected. */
export type PurchaseOrderClosed = DomainEvent<
  'PurchaseOrderClosed',
  OnPurchaseOrder & {
    readonly poNumber: string;
    readonly reason: string;
    readonly affected: readonly (AffectedLine & { readonly quantity: number })[];
  }
>;

export type PurchaseOrderEvent =
  | PurchaseOrderOpened
  | PurchaseOrderLineAdded
  | PurchaseOrderLineQuantityChanged
  | PurchaseOrderLineAllocated
  | PurchaseOrderAllocationReleased
  | PurchaseOrderAllocationTransferred
  | PurchaseOrderSubmitted
  | PurchaseOrderAcknowledged
  | PurchaseOrderLineEtaRevised
  | PurchaseOrderReceiptRecorded
  | PurchaseOrderSubstitutionResolved
  | PurchaseOrderLineCancelled
  | PurchaseOrderCancelled
  | PurchaseOrderClosed;
