import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { streams } from '../shared/eventstore/stream-names';
import { available, stockDecider } from './stock.decider';

/**
 * Units of a product free to sell right now, from the stock stream rather than the read model:
 * placement must not offer a unit that was reserved a moment ago.
 */
@Injectable()
export class StockAvailability {
  constructor(private readonly states: StreamStates) {}

  async available(productId: string): Promise<number> {
    const { state } = await this.states.load(stockDecider, streams.stock(productId));
    return available(state);
  }
}
