import { Injectable } from '@nestjs/common';
import { VendorSnapshots } from '../vendors/vendor-snapshots';
import { StreamStates } from '../shared/commands/stream-states';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { productDecider, type ProductState } from './product.decider';
import type { ProductSnapshot } from './product-snapshot';

/** A product as recorded, listed or discontinued: what other features check against. */
export type ProductRecord = Exclude<ProductState, { status: 'unlisted' }>;

/**
 * The product as it is sold right now, for copying into an order line. Read from the product
 * and vendor streams, never the catalog read model: a price changed a moment ago must be the
 * price the customer is charged.
 */
@Injectable()
export class ProductSnapshots {
  constructor(
    private readonly states: StreamStates,
    private readonly vendors: VendorSnapshots,
  ) {}

  /** The product as recorded, or null when it was never listed. */
  async find(productId: string): Promise<ProductRecord | null> {
    const { state } = await this.states.load(productDecider, streams.product(productId));
    return state.status === 'unlisted' ? null : state;
  }

  async snapshot(productId: string): Promise<ProductSnapshot> {
    const { state } = await this.states.load(productDecider, streams.product(productId));
    if (state.status === 'unlisted') throw new UnknownEntityError('product', productId);
    if (state.status === 'discontinued') {
      throw new BusinessRuleViolation(
        'product-discontinued',
        `product ${state.details.vendorSku} is discontinued and can no longer be ordered`,
        { productId },
      );
    }
    const { vendorId } = state.details;
    const vendor = await this.vendors.registered(vendorId);
    if (!vendor) throw new UnknownEntityError('vendor', vendorId);
    return {
      productId,
      ...state.details,
      // A copy: the state behind it stays cached for later commands, out of the caller's reach.
      images: [...state.details.images],
      vendorName: vendor.name,
      cost: state.cost,
      retailPrice: state.retailPrice,
    };
  }
}
