import type { Dimensions, RugShape } from '../../src/catalog/imports/sheet-product';
import type { ProductEvent } from '../../src/catalog/product.events';
import type { StockEvent } from '../../src/inventory/stock.events';
import { STOCK_EVENT_TYPES } from '../inventory/stock-levels.projection';
import type { VendorRegistered } from '../../src/vendors/vendor.events';
import type { Money } from '../../src/shared/domain/money';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type CatalogEvent = ProductEvent | VendorRegistered | StockEvent;
type CatalogRecordedEvent = RecordedEvent<CatalogEvent['type']> & CatalogEvent;

/** A product's listing as its events tell it. */
export interface ListedProduct {
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
  readonly dimensions: Dimensions | null;
  readonly cost: Money;
  readonly retailPrice: Money;
  readonly status: 'listed' | 'discontinued';
  readonly listedAt: string;
  readonly updatedAt: string;
  readonly onHand: number;
  /** Units held for customers. */
  readonly reserved: number;
}

export interface ProductListing extends ListedProduct {
  readonly [field: string]: unknown;
  // Filter fields, kept flat so the read store can index them.
  readonly widthCm: number | null;
  readonly lengthCm: number | null;
  readonly shape: RugShape | null;
  /** Retail price in minor units. */
  readonly price: number;
  /** Lower-case, so filters ignore how the vendor cased it. */
  readonly collectionKey: string | null;
  readonly colorKey: string | null;
  readonly inStock: boolean;
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
  // v2: sizes in centimetres and shape, flat filter fields, stock on hand.
  version: 2,
  eventTypes: [
    'VendorRegistered',
    'ProductListed',
    'ProductDetailsChanged',
    'ProductCostChanged',
    'ProductPriceChanged',
    'ProductDiscontinued',
    ...STOCK_EVENT_TYPES,
  ],
  collections: [
    defineCollection<CatalogRecordedEvent, ProductListing>({
      name: 'products',
      indexes: [
        { field: 'vendorId' },
        { field: 'vendorSku' },
        { field: 'status' },
        { field: 'collectionKey' },
        { field: 'color' },
        { field: 'colorKey' },
        { field: 'shape' },
        { field: 'widthCm' },
        { field: 'price' },
        { field: 'inStock' },
      ],
      textFields: ['name', 'vendorSku', 'collection', 'design', 'color'],
      documentIds: (event) => (event.type === 'VendorRegistered' ? [] : [event.data.productId]),
      evolve: (product, event) => {
        const updatedAt = event.metadata.occurredAt;
        switch (event.type) {
          case 'ProductListed': {
            const { productId, ...listed } = event.data;
            return withFilterFields({
              id: productId,
              ...listed,
              dimensions: listed.dimensions ?? null,
              status: 'listed',
              listedAt: updatedAt,
              updatedAt,
              onHand: product?.onHand ?? 0,
              reserved: product?.reserved ?? 0,
            });
          }
          case 'ProductDetailsChanged':
            return product && withFilterFields({ ...product, ...event.data.changes, updatedAt });
          case 'ProductCostChanged':
            return product && { ...product, cost: event.data.cost, updatedAt };
          case 'ProductPriceChanged':
            return (
              product &&
              withFilterFields({ ...product, retailPrice: event.data.retailPrice, updatedAt })
            );
          case 'ProductDiscontinued':
            return product && { ...product, status: 'discontinued', updatedAt };
          case 'VendorRegistered':
            return product;
          default:
            return product && withStock(product, event);
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

function withFilterFields(product: ListedProduct): ProductListing {
  const { dimensions } = product;
  return {
    ...product,
    widthCm: dimensions?.widthCm ?? null,
    lengthCm: dimensions?.lengthCm ?? null,
    shape: dimensions?.shape ?? null,
    price: product.retailPrice.amount,
    collectionKey: product.collection?.toLowerCase() ?? null,
    colorKey: product.color?.toLowerCase() ?? null,
    inStock: product.onHand - product.reserved > 0,
  };
}

/** Units on hand and held, as the stock events say: enough to tell whether one is free to sell. */
function withStock(product: ProductListing, event: RecordedEvent & StockEvent): ProductListing {
  let { onHand, reserved } = product;
  switch (event.type) {
    case 'StockAdjusted':
      onHand = event.data.onHand;
      break;
    case 'StockReceived':
      onHand = event.data.onHand;
      reserved += event.data.reservedFor.reduce((n, r) => n + r.quantity, 0);
      break;
    case 'StockReserved':
      reserved += event.data.reservation.quantity;
      break;
    case 'StockReservationReleased':
      reserved -= event.data.quantity;
      break;
    case 'StockReservationTransferred':
      break;
    case 'StockIssued':
      onHand = event.data.onHand;
      reserved -= event.data.quantity;
      break;
  }
  return { ...product, onHand, reserved, inStock: onHand - reserved > 0 };
}
