import { Module } from '@nestjs/common';
import { VendorController } from './vendor.controller';
import { ChangeVendorTermsHandler, RegisterVendorHandler } from './vendor.handlers';
import { GetVendorHandler, ListVendorsHandler } from './vendor.queries';

@Module({
  controllers: [VendorController],
  providers: [
    RegisterVendorHandler,
    ChangeVendorTermsHandler,
    GetVendorHandler,
    ListVendorsHandler,
  ],
})
export class PurchasingModule {}
