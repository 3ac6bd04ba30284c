import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  emptyStockLevel,
  type StockLevel,
  stockLevelsProjection,
} from '../../projections/inventory/stock-levels.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';

/** How long a read waits for the projection to reach the writer's position. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

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
    if (minPosition) {
      await this.readModels.caughtUp(
        stockLevelsProjection,
        minPosition,
        READ_YOUR_WRITES_TIMEOUT_MS,
      );
    }
    const level = await this.readModels
      .collection<StockLevel>(stockLevelsProjection, 'stock')
      .findById(productId);
    return level ?? emptyStockLevel(productId);
  }
}
