import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  emptyStockLevel,
  type StockLevel,
  stockLevelsProjection,
} from '../../projections/inventory/stock-levels.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';

export class GetStockLevel {
  constructor(
    readonly productId: string,
    readonly minPosition: Position | null,
  ) {}
}

/** A product no stock event has named yet has none: zeros, not an error. */
@QueryHandler(GetStockLevel)
export class GetStockLevelHandler implements IQueryHandler<GetStockLevel, StockLevel> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ productId, minPosition }: GetStockLevel): Promise<StockLevel> {
    await this.readModels.readYourWrites(stockLevelsProjection, minPosition);
    const level = await this.readModels
      .collection<StockLevel>(stockLevelsProjection, 'stock')
      .findById(productId);
    return level ?? emptyStockLevel(productId);
  }
}
