import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import type { Money } from '../../src/shared/domain/money';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';
import type { VendorBillLine, VendorBillRecorded } from '../../src/vendor-bills/vendor-bill.events';

type BillRecordedEvent = RecordedEvent<'VendorBillRecorded'> & VendorBillRecorded;

/** A type, not an interface: the read store takes it as a plain record. */
export type VendorBillListing = {
  readonly id: string;
  readonly poId: string;
  readonly poNumber: string;
  readonly vendorId: string;
  readonly vendorInvoiceNumber: string;
  readonly billedOn: string;
  readonly lines: readonly (VendorBillLine & { readonly variance: Money })[];
  readonly total: Money;
  /** Billed minus PO cost over the bill: positive when the vendor charged more. */
  readonly priceVariance: Money;
  readonly recordedBy: string;
  readonly recordedAt: string;
};

/** Vendor bills by PO, with the purchase price variance of each line. */
export const vendorBillsProjection = defineProjection<BillRecordedEvent>({
  name: 'vendor_bills',
  version: 1,
  eventTypes: ['VendorBillRecorded'],
  collections: [
    defineCollection<BillRecordedEvent, VendorBillListing>({
      name: 'bills',
      indexes: [{ field: 'poId' }, { field: 'billedOn' }],
      documentIds: (event) => [event.data.billId],
      evolve: (_doc, event) => {
        const { billId, lines, total, ...bill } = event.data;
        const withVariance = lines.map((l) => ({
          ...l,
          variance: {
            amount: l.quantity * (l.billedUnitCost.amount - l.poUnitCost.amount),
            currency: total.currency,
          },
        }));
        return {
          id: billId,
          ...bill,
          lines: withVariance,
          total,
          priceVariance: {
            amount: withVariance.reduce((sum, l) => sum + l.variance.amount, 0),
            currency: total.currency,
          },
          recordedBy: event.metadata.actor,
          recordedAt: event.metadata.occurredAt,
        };
      },
    }),
  ],
});
