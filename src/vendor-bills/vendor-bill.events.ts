import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';

export interface VendorBillLine {
  readonly poLineId: string;
  readonly productId: string;
  readonly quantity: number;
  /** The cost agreed on the PO. */
  readonly poUnitCost: Money;
  /** What the vendor charged; the difference to the PO cost is a purchase price variance. */
  readonly billedUnitCost: Money;
}

export type VendorBillRecorded = DomainEvent<
  'VendorBillRecorded',
  {
    readonly billId: string;
    readonly vendorId: string;
    readonly poId: string;
    readonly poNumber: string;
    readonly vendorInvoiceNumber: string;
    /** YYYY-MM-DD: the date on the vendor's invoice. */
    readonly billedOn: string;
    readonly lines: readonly VendorBillLine[];
    readonly total: Money;
  }
>;

export type VendorBillEvent = VendorBillRecorded;
