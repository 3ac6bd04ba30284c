import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { VendorsModule } from '../vendors/vendors.module';
import { PurchaseOrderController } from './purchase-order.controller';
import { purchaseOrderCommandHandlers } from './purchase-order.handlers';
import { purchaseOrderQueryHandlers } from './purchase-order.queries';
import { PurchaseOrderRequests } from './purchase-order-requests';
import { PurchaseOrderSnapshots } from './purchase-order-snapshots';

@Module({
  imports: [VendorsModule, CatalogModule],
  controllers: [PurchaseOrderController],
  providers: [
    ...purchaseOrderCommandHandlers,
    ...purchaseOrderQueryHandlers,
    PurchaseOrderRequests,
    PurchaseOrderSnapshots,
  ],
  exports: [PurchaseOrderSnapshots],
})
export class PurchasingModule {}
