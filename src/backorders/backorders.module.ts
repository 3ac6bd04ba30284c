import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { BackorderController } from './backorder.controller';
import { backorderCommandHandlers } from './backorder.handlers';
import { BackorderPlacement } from './backorder-placement';
import { backorderQueryHandlers } from './backorder.queries';
import { LineActions } from './line-actions';
import { LookupController } from './lookup.controller';
import { OrderStandings } from './order-standing';

@Module({
  imports: [CatalogModule, InventoryModule],
  controllers: [BackorderController, LookupController],
  providers: [
    ...backorderCommandHandlers,
    ...backorderQueryHandlers,
    BackorderPlacement,
    LineActions,
    OrderStandings,
  ],
  exports: [OrderStandings],
})
export class BackordersModule {}
