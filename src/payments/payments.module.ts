import { Module } from '@nestjs/common';
import { BackordersModule } from '../backorders/backorders.module';
import { CustomersModule } from '../customers/customers.module';
import { PurchasingModule } from '../purchasing/purchasing.module';
import { VendorBillsModule } from '../vendor-bills/vendor-bills.module';
import { AccountListsController } from './account-lists.controller';
import { ListOpenBalancesHandler, ListOverdueInstallmentsHandler } from './account-lists.queries';
import { LineMargins } from './line-margins';
import { OrderAccountController } from './order-account.controller';
import { orderAccountHandlers } from './order-account.handlers';
import { GetOrderAccountHandler } from './order-account.queries';

@Module({
  imports: [BackordersModule, CustomersModule, PurchasingModule, VendorBillsModule],
  controllers: [OrderAccountController, AccountListsController],
  providers: [
    ...orderAccountHandlers,
    GetOrderAccountHandler,
    ListOpenBalancesHandler,
    ListOverdueInstallmentsHandler,
    LineMargins,
  ],
})
export class PaymentsModule {}
