import { Module } from '@nestjs/common';
import { VendorController } from './vendor.controller';
import { vendorCommandHandlers } from './vendor.handlers';
import { GetVendorHandler, ListVendorsHandler } from './vendor.queries';
import { VendorSnapshots } from './vendor-snapshots';

@Module({
  controllers: [VendorController],
  providers: [...vendorCommandHandlers, GetVendorHandler, ListVendorsHandler, VendorSnapshots],
  exports: [VendorSnapshots],
})
export class VendorsModule {}
