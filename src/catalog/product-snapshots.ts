import { Injectable } from '@nestjs/common';
import { vendorDecider } from '../purchasing/vendor.decider';
import { StreamStates } from '../shared/commands/stream-states';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { productDecider } from './product.decider';
import type { ProductSnapshot } from './product-snapshot';

/**
 * The product as it is sold right now, for copying into an order line. Read from the product
 * and vendor streams, never the catalog read model: a price changed a moment ago must be the
 * price the customer is charged.
 */
@Injectable()
export class ProductSnapshots {
  constructor(private readonly states: StreamStates) {}

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
    const vendor = (await this.states.load(vendorDecider, streams.vendor(vendorId))).state;
    if (vendor.status !== 'registered') throw new UnknownEntityError('vendor', vendorId);
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
