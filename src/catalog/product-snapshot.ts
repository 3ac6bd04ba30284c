import type { Money } from '../shared/domain/money';
import type { ProductDetails } from './product.events';

/**
 * A product as it was sold or ordered, copied into the backorder line and the PO line: later
 * catalog changes never change what the customer bought or what the vendor was asked for.
 */
export interface ProductSnapshot extends ProductDetails {
  readonly productId: string;
  readonly vendorName: string;
  readonly cost: Money;
  readonly retailPrice: Money;
}
