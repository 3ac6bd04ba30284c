import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PlaceLinesOnPurchaseOrdersHandler } from './place-lines-on-purchase-orders';
import { PurchaseOrderController } from './purchase-order.controller';
import { purchaseOrderCommandHandlers } from './purchase-order.handlers';
import { purchaseOrderQueryHandlers } from './purchase-order.queries';
import { PurchaseOrderCosts } from './purchase-order-costs';
import { PurchaseOrderRequests } from './purchase-order-requests';
import { VendorController } from './vendor.controller';
import { ChangeVendorTermsHandler, RegisterVendorHandler } from './vendor.handlers';
import { GetVendorHandler, ListVendorsHandler } from './vendor.queries';

@Module({
  imports: [CatalogModule],
  controllers: [VendorController, PurchaseOrderController],
  providers: [
    RegisterVendorHandler,
    ChangeVendorTermsHandler,
    GetVendorHandler,
    ListVendorsHandler,
    ...purchaseOrderCommandHandlers,
    ...purchaseOrderQueryHandlers,
    PlaceLinesOnPurchaseOrdersHandler,
    PurchaseOrderRequests,
    PurchaseOrderCosts,
  ],
  exports: [PurchaseOrderCosts],
})
export class PurchasingModule {}
