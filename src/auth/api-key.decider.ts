import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { ApiKeyCommand } from './api-key.commands';
import type { ApiKeyEvent } from './api-key.events';
import type { Role } from './roles';
import { checkedRoles } from './user.decider';

export type ApiKeyState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'revoked';
      readonly keyId: string;
      readonly name: string;
      readonly roles: readonly Role[];
      readonly secretHash: string;
    };

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  initialState: { status: 'none' },

  evolve(state, event) {
    switch (event.type) {
      case 'ApiKeyIssued':
        return { status: 'active', ...event.data };
      case 'ApiKeyRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'IssueApiKey': {
        if (state.status !== 'none') {
          throw new BusinessRuleViolation('api-key-exists', `API key ${command.keyId} exists`);
        }
        const { keyId, name, secretHash } = command;
        return [
          {
            type: 'ApiKeyIssued',
            data: { keyId, name, roles: checkedRoles(command.roles), secretHash },
          },
        ];
      }
      case 'RevokeApiKey':
        if (state.status === 'none') throw new UnknownEntityError('API key', command.keyId);
        if (state.status === 'revoked') return [];
        return [{ type: 'ApiKeyRevoked', data: { keyId: command.keyId, reason: command.reason } }];
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};
