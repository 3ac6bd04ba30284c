import type { Money } from './format';

/** The parts of the server's answers the screens show (see the API docs for all fields). */
export interface ProductSnapshot {
  readonly productId: string;
  readonly vendorId: string;
  readonly vendorSku: string;
  readonly vendorName?: string;
  readonly name: string;
  readonly collection: string | null;
  readonly color: string | null;
  readonly size: string | null;
  readonly images: readonly string[];
  readonly retailPrice: Money;
}

export interface Product {
  readonly id: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly vendorSku: string;
  readonly name: string;
  readonly collection: string | null;
  readonly design: string | null;
  readonly color: string | null;
  readonly size: string | null;
  readonly material: string | null;
  readonly images: readonly string[];
  readonly retailPrice: Money;
  readonly onHand: number;
  readonly reserved: number;
  readonly inStock: boolean;
  readonly status: string;
}

export interface Facet {
  readonly id?: string;
  readonly value?: string;
  readonly name?: string;
  readonly count: number;
}

export interface CatalogPage {
  readonly items: readonly Product[];
  readonly nextCursor: string | null;
  readonly facets?: { readonly vendor: readonly Facet[]; readonly color: readonly Facet[] };
}

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PurchaseOrderLink {
  readonly poId: string;
  readonly poNumber: string;
  readonly quantity: number;
  readonly eta: string | null;
  readonly poStatus: string;
}

export interface BackorderLine {
  readonly lineId: string;
  readonly lineNumber: number;
  readonly product: ProductSnapshot;
  readonly delivered: ProductSnapshot | null;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly total: Money;
  readonly status: string;
  readonly eta: string | null;
  readonly availableInStock: number;
  readonly exceptionReason: string | null;
  readonly purchaseOrders: readonly PurchaseOrderLink[];
  readonly etaHistory: readonly {
    at: string;
    eta: string;
    previous: string | null;
    reason: string | null;
    poNumber: string;
  }[];
}

export interface Backorder {
  readonly id: string;
  readonly number: string;
  readonly customer: { name: string; phone: string | null; email: string | null };
  readonly salesperson: string;
  readonly placedAt: string;
  readonly status: string;
  readonly summary: string;
  readonly eta: string | null;
  readonly notes: string | null;
  readonly lines: readonly BackorderLine[];
  readonly totals: { ordered: Money; fulfilled: Money };
}

export interface TimelineEntry {
  readonly at: string;
  readonly who: string;
  readonly via: string | null;
  readonly what: string;
  readonly why: string | null;
  readonly eventId: string;
}

export interface LookupHit {
  readonly backorderId: string;
  readonly number: string;
  readonly customerName: string;
  readonly placedAt: string;
  readonly status: string;
  readonly summary: string;
  readonly eta: string | null;
  readonly lines: readonly {
    lineId: string;
    lineNumber: number;
    productName: string;
    status: string;
    eta: string | null;
  }[];
}

export interface Allocation {
  readonly allocationId: string;
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly lineId: string;
  readonly customerName: string;
  readonly quantity: number;
  readonly outstanding?: number;
  readonly setAside?: number;
}

export interface PurchaseOrderLine {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly quantity: number;
  readonly unitCost: Money;
  readonly cancelled: boolean;
  readonly received: number;
  readonly outstanding: number;
  readonly forStock: number;
  readonly eta: string | null;
  readonly allocations?: readonly Allocation[];
}

export interface PurchaseOrder {
  readonly id: string;
  readonly number: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly status: string;
  readonly openedAt: string;
  readonly vendorReference: string | null;
  readonly lines: readonly PurchaseOrderLine[];
  readonly totals: { cost: Money };
  readonly counts: {
    lines: number;
    units: number;
    unitsForCustomers: number;
    unitsForStock: number;
  };
}

export interface ReceivingLine {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly ordered: number;
  readonly received: number;
  readonly expected: number;
  readonly eta: string | null;
  readonly forCustomers: readonly Allocation[];
  readonly forStock: number;
}

export interface ReceivingView {
  readonly poId: string;
  readonly number: string;
  readonly vendorName: string;
  readonly status: string;
  readonly receivable: boolean;
  readonly lines: readonly ReceivingLine[];
}

export interface SetAsideLabel {
  readonly customerName: string;
  readonly backorderNumber: string;
  readonly productName: string;
  readonly vendorSku: string;
  readonly quantity: number;
}

export interface Receipt {
  readonly id: string;
  readonly poNumber: string;
  readonly vendorName: string;
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly lines: readonly {
    poLineId: string;
    received: number;
    short: number;
    over: number;
    toStock: number;
    setAside: readonly {
      backorderId: string;
      lineId: string;
      quantity: number;
      label: SetAsideLabel;
      note: string;
    }[];
  }[];
  readonly totals: {
    received: number;
    setAside: number;
    toStock: number;
    over: number;
    short: number;
  };
  readonly substitutions: readonly {
    product: ProductSnapshot;
    decision: string;
    quantity: number;
    label: SetAsideLabel | null;
    note: string | null;
    backorderId: string;
    lineId: string;
  }[];
}
