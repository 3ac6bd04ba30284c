import type { ProductEvent } from '../../src/catalog/product.events';
import type { VendorRegistered } from '../../src/purchasing/vendor.events';
import type { Money } from '../../src/shared/domain/money';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type CatalogEvent = ProductEvent | VendorRegistered;
type CatalogRecordedEvent = RecordedEvent<CatalogEvent['type']> & CatalogEvent;

export interface ProductListing {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly vendorId: string;
  readonly vendorSku: string;
  readonly name: string;
  readonly collection: string | null;
  readonly design: string | null;
  readonly color: string | null;
  readonly size: string | null;
  readonly material: string | null;
  readonly images: readonly string[];
  readonly cost: Money;
  readonly retailPrice: Money;
  readonly status: 'listed' | 'discontinued';
  readonly listedAt: string;
  readonly updatedAt: string;
}

/**
 * Vendor names, kept beside the products: ProductListed names only the vendor id and an evolve
 * sees one document, so queries join the name from here (same projection, same checkpoint: a
 * product's vendor is always present, being registered earlier in the log). Collection names are
 * shared by all projections, hence the prefix: `vendors` is the vendor directory's.
 */
export interface CatalogVendor {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly name: string;
}

/** The catalog as sales staff search it at the counter. */
export const catalogProductsProjection = defineProjection<CatalogRecordedEvent>({
  name: 'catalog_products',
  version: 1,
  eventTypes: [
    'VendorRegistered',
    'ProductListed',
    'ProductDetailsChanged',
    'ProductCostChanged',
    'ProductPriceChanged',
    'ProductDiscontinued',
  ],
  collections: [
    defineCollection<CatalogRecordedEvent, ProductListing>({
      name: 'products',
      indexes: [{ field: 'vendorId' }, { field: 'vendorSku' }, { field: 'status' }],
      textFields: ['name', 'vendorSku', 'collection', 'design', 'color'],
      documentIds: (event) => (event.type === 'VendorRegistered' ? [] : [event.data.productId]),
      evolve: (product, event) => {
        const updatedAt = event.metadata.occurredAt;
        switch (event.type) {
          case 'ProductListed': {
            const { productId, ...listed } = event.data;
            return {
              id: productId,
              ...listed,
              status: 'listed',
              listedAt: updatedAt,
              updatedAt,
            };
          }
          case 'ProductDetailsChanged':
            return product && { ...product, ...event.data.changes, updatedAt };
          case 'ProductCostChanged':
            return product && { ...product, cost: event.data.cost, updatedAt };
          case 'ProductPriceChanged':
            return product && { ...product, retailPrice: event.data.retailPrice, updatedAt };
          case 'ProductDiscontinued':
            return product && { ...product, status: 'discontinued', updatedAt };
          case 'VendorRegistered':
            return product;
        }
      },
    }),
    defineCollection<CatalogRecordedEvent, CatalogVendor>({
      name: 'catalog_vendors',
      documentIds: (event) => (event.type === 'VendorRegistered' ? [event.data.vendorId] : []),
      evolve: (vendor, event) =>
        event.type === 'VendorRegistered'
          ? { id: event.data.vendorId, name: event.data.name }
          : vendor,
    }),
  ],
});
