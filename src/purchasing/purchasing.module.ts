import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PlaceLineOnPurchaseOrderHandler } from './place-line-on-purchase-order';
import { PurchaseOrderController } from './purchase-order.controller';
import { purchaseOrderCommandHandlers } from './purchase-order.handlers';
import { purchaseOrderQueryHandlers } from './purchase-order.queries';
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
    PlaceLineOnPurchaseOrderHandler,
    PurchaseOrderRequests,
  ],
})
export class PurchasingModule {}
