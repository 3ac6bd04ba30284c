import { Module } from '@nestjs/common';
import { CustomerController } from './customer.controller';
import { customerCommandHandlers } from './customer.handlers';
import { GetCustomerHandler, ListCustomersHandler } from './customer.queries';
import { CustomerSnapshots } from './customer-snapshots';

@Module({
  controllers: [CustomerController],
  providers: [
    ...customerCommandHandlers,
    GetCustomerHandler,
    ListCustomersHandler,
    CustomerSnapshots,
  ],
  exports: [CustomerSnapshots],
})
export class CustomersModule {}
