import { handlersFor } from '../commands/handlers-for';
import { streams } from '../eventstore/stream-names';
import { idempotentRequestDecider, RecordCompletedRequest } from './idempotent-request.decider';

/** A retry racing the first request records second: deciding again finds the answer kept. */
export const idempotentRequestCommandHandlers = handlersFor(
  idempotentRequestDecider,
  (command: RecordCompletedRequest) => streams.idempotentRequest(command.requestKey),
  [RecordCompletedRequest],
  { attempts: 2 },
);
