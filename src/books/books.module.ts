import { Module } from '@nestjs/common';
import { AccountingModule } from '../accounting/accounting.module';
import { BookController } from './book.controller';
import { bookCommandHandlers } from './book.handlers';

@Module({
  imports: [AccountingModule],
  controllers: [BookController],
  providers: [...bookCommandHandlers],
})
export class BooksModule {}
