import type { VendorEvent } from '../../src/vendors/vendor.events';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type VendorRecordedEvent = RecordedEvent<VendorEvent['type']> & VendorEvent;

export interface VendorListing {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly name: string;
  /** The name folded for sorting, so "acme" and "Acme" sort together. */
  readonly sortName: string;
  readonly leadTimeDays: number;
  readonly consolidation: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

/** Vendors as purchasing lists and picks them. */
export const vendorDirectoryProjection = defineProjection<VendorRecordedEvent>({
  name: 'vendor_directory',
  version: 1,
  eventTypes: ['VendorRegistered', 'VendorTermsChanged'],
  collections: [
    defineCollection<VendorRecordedEvent, VendorListing>({
      name: 'vendors',
      indexes: [{ field: 'sortName' }, { field: 'consolidation' }],
      textFields: ['name'],
      documentIds: (event) => [event.data.vendorId],
      evolve: (vendor, event) => {
        switch (event.type) {
          case 'VendorRegistered': {
            const { vendorId, name, leadTimeDays, consolidation, email, phone } = event.data;
            return {
              id: vendorId,
              name,
              sortName: name.toLocaleLowerCase('en'),
              leadTimeDays,
              consolidation,
              email,
              phone,
              registeredAt: event.metadata.occurredAt,
              updatedAt: event.metadata.occurredAt,
            };
          }
          case 'VendorTermsChanged':
            return (
              vendor && {
                ...vendor,
                leadTimeDays: event.data.leadTimeDays,
                consolidation: event.data.consolidation,
                updatedAt: event.metadata.occurredAt,
              }
            );
        }
      },
    }),
  ],
});
