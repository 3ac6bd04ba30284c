import { Module } from '@nestjs/common';
import { AccountingLedger } from './accounting-ledger';
import { AccountingController } from './accounting.controller';
import { BookController } from './book.controller';
import { bookCommandHandlers } from './book.handlers';
import { ReplayJobs } from './replay-jobs';

@Module({
  controllers: [AccountingController, BookController],
  providers: [AccountingLedger, ReplayJobs, ...bookCommandHandlers],
  exports: [AccountingLedger],
})
export class AccountingModule {}
