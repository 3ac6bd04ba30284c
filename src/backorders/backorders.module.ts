import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PurchasingModule } from '../purchasing/purchasing.module';
import { VendorsModule } from '../vendors/vendors.module';
import { BackorderController } from './backorder.controller';
import { backorderCommandHandlers } from './backorder.handlers';
import { BackorderPlacement } from './backorder-placement';
import { BackorderSnapshots } from './backorder-snapshots';
import { backorderQueryHandlers } from './backorder.queries';
import { LineActions } from './line-actions';
import { LookupController } from './lookup.controller';
import { PlaceLinesOnPurchaseOrdersHandler } from './purchase-order-placement.handlers';

@Module({
  imports: [VendorsModule, CatalogModule, CustomersModule, InventoryModule, PurchasingModule],
  controllers: [BackorderController, LookupController],
  providers: [
    ...backorderCommandHandlers,
    ...backorderQueryHandlers,
    BackorderPlacement,
    LineActions,
    BackorderSnapshots,
    PlaceLinesOnPurchaseOrdersHandler,
  ],
  exports: [BackorderSnapshots],
})
export class BackordersModule {}
