import { Module } from '@nestjs/common';
import { CustomerController } from './customer.controller';
import { ChangeCustomerDetailsHandler, RegisterCustomerHandler } from './customer.handlers';
import { GetCustomerHandler, ListCustomersHandler } from './customer.queries';

@Module({
  controllers: [CustomerController],
  providers: [
    RegisterCustomerHandler,
    ChangeCustomerDetailsHandler,
    GetCustomerHandler,
    ListCustomersHandler,
  ],
})
export class CustomersModule {}
