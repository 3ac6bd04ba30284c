import { Module } from '@nestjs/common';
import { CustomerController } from './customer.controller';
import { customerCommandHandlers } from './customer.handlers';
import { GetCustomerHandler, ListCustomersHandler } from './customer.queries';
import { CustomerSnapshots } from './customer-snapshots';
import { CustomerTaxStatus } from './customer-tax-status';

@Module({
  controllers: [CustomerController],
  providers: [
    ...customerCommandHandlers,
    GetCustomerHandler,
    ListCustomersHandler,
    CustomerSnapshots,
    CustomerTaxStatus,
  ],
  exports: [CustomerSnapshots, CustomerTaxStatus],
})
export class CustomersModule {}
