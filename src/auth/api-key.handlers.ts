import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import { type ApiKeyCommand, IssueApiKey, RevokeApiKey } from './api-key.commands';
import { apiKeyDecider } from './api-key.decider';

export const apiKeyCommandHandlers = handlersFor(
  apiKeyDecider,
  (command: ApiKeyCommand) => streams.apiKey(command.keyId),
  [IssueApiKey, RevokeApiKey],
);
