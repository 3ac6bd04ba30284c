import { Module } from '@nestjs/common';
import { AccountingModule } from '../accounting/accounting.module';
import { BookController } from './book.controller';
import {
  ChangeBookPolicyHandler,
  CloseBookPeriodHandler,
  PostBookAdjustmentHandler,
} from './book.handlers';

@Module({
  imports: [AccountingModule],
  controllers: [BookController],
  providers: [ChangeBookPolicyHandler, CloseBookPeriodHandler, PostBookAdjustmentHandler],
})
export class BooksModule {}
