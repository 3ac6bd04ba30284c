import { Module } from '@nestjs/common';
import { CustomerController } from './customer.controller';
import {
  ChangeCustomerDetailsHandler,
  RecordTaxExemptionHandler,
  RegisterCustomerHandler,
  RevokeTaxExemptionHandler,
} from './customer.handlers';
import { CustomerTaxStatus } from './customer-tax-status';
import { GetCustomerHandler, ListCustomersHandler } from './customer.queries';

@Module({
  controllers: [CustomerController],
  providers: [
    RegisterCustomerHandler,
    ChangeCustomerDetailsHandler,
    RecordTaxExemptionHandler,
    RevokeTaxExemptionHandler,
    CustomerTaxStatus,
    GetCustomerHandler,
    ListCustomersHandler,
  ],
  exports: [CustomerTaxStatus],
})
export class CustomersModule {}
