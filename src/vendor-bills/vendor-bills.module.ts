import { Module } from '@nestjs/common';
import { PurchasingModule } from '../purchasing/purchasing.module';
import { BilledCosts } from './billed-costs';
import { VendorBillController } from './vendor-bill.controller';
import { RecordVendorBillHandler } from './vendor-bill.handlers';
import { ListVendorBillsHandler } from './vendor-bill.queries';

@Module({
  imports: [PurchasingModule],
  controllers: [VendorBillController],
  providers: [RecordVendorBillHandler, ListVendorBillsHandler, BilledCosts],
  exports: [BilledCosts],
})
export class VendorBillsModule {}
