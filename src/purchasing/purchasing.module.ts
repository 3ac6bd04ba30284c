import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PlaceLinesOnPurchaseOrdersHandler } from './purchase-order-placement.handlers';
import { PurchaseOrderController } from './purchase-order.controller';
import { purchaseOrderCommandHandlers } from './purchase-order.handlers';
import { purchaseOrderQueryHandlers } from './purchase-order.queries';
import { PurchaseOrderRequests } from './purchase-order-requests';
import { VendorController } from './vendor.controller';
import { vendorCommandHandlers } from './vendor.handlers';
import { GetVendorHandler, ListVendorsHandler } from './vendor.queries';

@Module({
  imports: [CatalogModule],
  controllers: [VendorController, PurchaseOrderController],
  providers: [
    ...vendorCommandHandlers,
    GetVendorHandler,
    ListVendorsHandler,
    ...purchaseOrderCommandHandlers,
    ...purchaseOrderQueryHandlers,
    PlaceLinesOnPurchaseOrdersHandler,
    PurchaseOrderRequests,
  ],
})
export class PurchasingModule {}
