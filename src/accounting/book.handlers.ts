import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import {
  type BookCommand,
  ChangeBookPolicy,
  CloseBookPeriod,
  PostBookAdjustment,
} from './book.commands';
import { bookDecider } from './book.decider';

export const bookCommandHandlers = handlersFor(
  bookDecider,
  (command: BookCommand) => streams.book(command.bookId),
  [ChangeBookPolicy, CloseBookPeriod, PostBookAdjustment],
);
