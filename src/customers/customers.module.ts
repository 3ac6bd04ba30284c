import { Module } from '@nestjs/common';
import { CustomerController } from './customer.controller';
import { customerCommandHandlers } from './customer.handlers';
import { GetCustomerHandler, ListCustomersHandler } from './customer.queries';

@Module({
  controllers: [CustomerController],
  providers: [...customerCommandHandlers, GetCustomerHandler, ListCustomersHandler],
})
export class CustomersModule {}
