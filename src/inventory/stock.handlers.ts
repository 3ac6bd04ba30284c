import { Injectable } from '@nestjs/common';
import { productDecider } from '../catalog/product.decider';
import { handlersFor, type Precondition } from '../shared/commands/handlers-for';
import { StreamStates } from '../shared/commands/stream-states';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import {
  AdjustStock,
  IssueStock,
  ReceiveStock,
  ReleaseStockReservation,
  ReserveStock,
  type StockCommandMessage,
  TransferStockReservation,
} from './stock.commands';
import { stockDecider } from './stock.decider';

/**
 * Staff count stock of catalog products only: an adjustment naming no product would start a
 * stock stream nothing could ever sell. Read from the product's stream, so a product listed a
 * moment ago counts.
 */
@Injectable()
export class ProductIsListed implements Precondition<AdjustStock> {
  constructor(private readonly states: StreamStates) {}

  async check({ productId }: AdjustStock): Promise<void> {
    const { state } = await this.states.load(productDecider, streams.product(productId));
    if (state.status === 'unlisted') {
      throw new BusinessRuleViolation('product-not-listed', `product ${productId} does not exist`, {
        productId,
      });
    }
  }
}

const streamOf = (command: StockCommandMessage) => streams.stock(command.productId);

export const stockCommandHandlers = [
  ...handlersFor(stockDecider, streamOf, [AdjustStock], { precondition: ProductIsListed }),
  ...handlersFor(stockDecider, streamOf, [
    ReceiveStock,
    ReserveStock,
    ReleaseStockReservation,
    TransferStockReservation,
    IssueStock,
  ]),
  ProductIsListed,
];
