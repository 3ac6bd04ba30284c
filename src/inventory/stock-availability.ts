import { Injectable } from '@nestjs/common';
import { DeciderExecutor } from '../shared/commands/decider-executor';
import { streams } from '../shared/eventstore/stream-names';
import { available, stockDecider } from './stock.decider';

/**
 * Units of a product free to sell right now, from the stock stream rather than the read model:
 * placement must not offer a unit that was reserved a moment ago.
 */
@Injectable()
export class StockAvailability {
  constructor(private readonly executor: DeciderExecutor) {}

  async available(productId: string): Promise<number> {
    const { state } = await this.executor.load(stockDecider, streams.stock(productId));
    return available(state);
  }
}
