import { Module } from '@nestjs/common';
import { StockAvailability } from './stock-availability';
import { StockController } from './stock.controller';
import {
  AdjustStockHandler,
  IssueStockHandler,
  ReceiveStockHandler,
  ReleaseStockReservationHandler,
  ReserveStockHandler,
  TransferStockReservationHandler,
} from './stock.handlers';
import { GetStockLevelHandler } from './stock.queries';

@Module({
  controllers: [StockController],
  providers: [
    AdjustStockHandler,
    ReceiveStockHandler,
    ReserveStockHandler,
    ReleaseStockReservationHandler,
    TransferStockReservationHandler,
    IssueStockHandler,
    GetStockLevelHandler,
    StockAvailability,
  ],
  exports: [StockAvailability],
})
export class InventoryModule {}
