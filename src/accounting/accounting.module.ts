import { Module } from '@nestjs/common';
import { ORDER_RECOGNITION } from '../shared/domain/order-recognition.port';
import { AccountingLedger } from './accounting-ledger';
import { AccountingController } from './accounting.controller';
import { BookController } from './book.controller';
import { bookCommandHandlers } from './book.handlers';
import { ReplayJobs } from './replay-jobs';

@Module({
  controllers: [AccountingController, BookController],
  providers: [
    AccountingLedger,
    // The order timeline reads recognition through the kernel port (see GetBackorderTimeline).
    { provide: ORDER_RECOGNITION, useExisting: AccountingLedger },
    ReplayJobs,
    ...bookCommandHandlers,
  ],
  exports: [AccountingLedger, ORDER_RECOGNITION],
})
export class AccountingModule {}
