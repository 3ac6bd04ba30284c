import type { Money } from '../../src/shared/domain/money';

/**
 * An event as the ledger reads it: flat, so that the fast replay path can build it straight from
 * a raw row without the whole envelope. `data` is the event's data as stored.
 */
export interface LedgerEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly position: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/**
 * The event types the ledger folds: the backorder and purchasing facts, the money facts (shapes
 * from the money contract, written by src/payments and src/vendor-bills) and the book's closings.
 * The fast replay path filters the log by this list in SQL.
 */
export const LEDGER_EVENT_TYPES = [
  'BackorderPlaced',
  'BackorderLineOnPurchaseOrder',
  'BackorderLineUnitsSetAside',
  'BackorderLineFulfilled',
  'BackorderLineQuantityChanged',
  'BackorderLineCancelled',
  'PurchaseOrderLineAdded',
  'PurchaseOrderReceiptRecorded',
  'OrderInvoiced',
  'InvoiceLineAdjusted',
  'DepositTaken',
  'PaymentReceived',
  'RefundIssued',
  'VendorBillRecorded',
  'BookPeriodClosed',
] as const;

/** Money contract: the invoice written when the backorder is placed. */
export interface OrderInvoicedData {
  readonly backorderId: string;
  readonly customerId: string;
  readonly currency: string;
  readonly lines: readonly {
    readonly lineId: string;
    readonly quantity: number;
    readonly unitPrice: Money;
    readonly unitDiscount: Money;
    readonly unitTax: Money;
  }[];
}

export interface InvoiceLineAdjustedData {
  readonly backorderId: string;
  readonly lineId: string;
  readonly quantity: number;
}

/** DepositTaken and PaymentReceived: both are cash in. */
export interface CashInData {
  readonly backorderId: string;
  readonly amount: Money;
}

export interface RefundIssuedData {
  readonly backorderId: string;
  readonly amount: Money;
}

export interface VendorBillRecordedData {
  readonly billId: string;
  readonly lines: readonly {
    readonly poLineId: string;
    readonly quantity: number;
    readonly poUnitCost: Money;
    readonly billedUnitCost: Money;
  }[];
}

export interface BookPeriodClosedData {
  readonly bookId: string;
  readonly period: string;
}
