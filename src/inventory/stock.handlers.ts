import { Inject, Injectable } from '@nestjs/common';
import { handlersFor, type Precondition } from '../shared/commands/handlers-for';
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
import { PRODUCT_CATALOG, type ProductCatalog } from './product-catalog.port';
import { stockDecider } from './stock.decider';

/**
 * Staff count stock of catalog products only: an adjustment naming no product would start a
 * stock stream nothing could ever sell. Read from the product's stream, so a product listed a
 * moment ago counts.
 */
@Injectable()
export class ProductIsListed implements Precondition<AdjustStock> {
  constructor(@Inject(PRODUCT_CATALOG) private readonly catalog: ProductCatalog) {}

  async check({ productId }: AdjustStock): Promise<void> {
    if (!(await this.catalog.isListed(productId))) {
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
