import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
import { streams } from '../shared/eventstore/stream-names';
import {
  type BookCommand,
  ChangeBookPolicy,
  CloseBookPeriod,
  PostBookAdjustment,
} from './book.commands';
import { bookDecider, type BookState } from './book.decider';
import type { BookEvent } from './book.events';

@Injectable()
abstract class BookCommandHandler extends DeciderCommandHandler<BookCommand, BookEvent, BookState> {
  protected readonly decider = bookDecider;

  protected streamOf(command: BookCommand): string {
    return streams.book(command.bookId);
  }
}

@CommandHandler(ChangeBookPolicy)
export class ChangeBookPolicyHandler extends BookCommandHandler {}

@CommandHandler(CloseBookPeriod)
export class CloseBookPeriodHandler extends BookCommandHandler {}

@CommandHandler(PostBookAdjustment)
export class PostBookAdjustmentHandler extends BookCommandHandler {}
