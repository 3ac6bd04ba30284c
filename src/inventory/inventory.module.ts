import { Module } from '@nestjs/common';
import { StockAvailability } from './stock-availability';
import { StockController } from './stock.controller';
import { stockCommandHandlers } from './stock.handlers';
import { GetStockLevelHandler } from './stock.queries';

@Module({
  controllers: [StockController],
  providers: [...stockCommandHandlers, GetStockLevelHandler, StockAvailability],
  exports: [StockAvailability],
})
export class InventoryModule {}
