import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import { RefreshSession } from './session-family.commands';
import { sessionFamilyDecider } from './session-family.decider';

/** Two refreshes racing with one token: decided again, the loser finds it spent, which is reuse. */
export const sessionFamilyCommandHandlers = handlersFor(
  sessionFamilyDecider,
  (command: RefreshSession) => streams.sessionFamily(command.familyId),
  [RefreshSession],
  { attempts: 5 },
);
