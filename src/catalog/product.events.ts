import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';
import type { Dimensions } from './imports/sheet-product';

/** What a vendor's catalog says of a product, as it reads the same whoever entered it. */
export interface ProductDetails {
  readonly vendorId: string;
  /** The vendor's own article number: the product's key within that vendor. */
  readonly vendorSku: string;
  readonly name: string;
  readonly collection: string | null;
  readonly design: string | null;
  readonly color: string | null;
  readonly size: string | null;
  readonly material: string | null;
  /** Image references: content hashes of stored images, or URLs to fetch. */
  readonly images: readonly string[];
  /** The size read into centimetres and a shape; null when the size is unknown or unread. */
  readonly dimensions: Dimensions | null;
}

export type EditableDetails = Omit<ProductDetails, 'vendorId' | 'vendorSku'>;

export type ProductListed = DomainEvent<
  'ProductListed',
  ProductDetails & { readonly productId: string; readonly cost: Money; readonly retailPrice: Money }
>;
export type ProductDetailsChanged = DomainEvent<
  'ProductDetailsChanged',
  {
    readonly productId: string;
    readonly changes: Partial<EditableDetails>;
    readonly previous: Partial<EditableDetails>;
  }
>;
export type ProductCostChanged = DomainEvent<
  'ProductCostChanged',
  { readonly productId: string; readonly cost: Money; readonly previous: Money }
>;
export type ProductPriceChanged = DomainEvent<
  'ProductPriceChanged',
  { readonly productId: string; readonly retailPrice: Money; readonly previous: Money }
>;
export type ProductDiscontinued = DomainEvent<
  'ProductDiscontinued',
  { readonly productId: string; readonly reason: string }
>;

export type ProductEvent =
  | ProductListed
  | ProductDetailsChanged
  | ProductCostChanged
  | ProductPriceChanged
  | ProductDiscontinued;
