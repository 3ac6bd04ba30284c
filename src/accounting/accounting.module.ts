import { Module } from '@nestjs/common';
import { AccountingLedger } from './accounting-ledger';
import { AccountingController } from './accounting.controller';
import { ReplayJobs } from './replay-jobs';

@Module({
  controllers: [AccountingController],
  providers: [AccountingLedger, ReplayJobs],
  exports: [AccountingLedger],
})
export class AccountingModule {}
