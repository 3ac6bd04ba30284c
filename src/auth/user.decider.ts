import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { Role } from './roles';
import type { UserCommand } from './user.commands';
import type { UserEvent } from './user.events';

export interface UserAccount {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  /**
   * Grows with every change that must end the sessions already open (password, roles,
   * disabling): a token made before it no longer signs anyone in.
   */
  readonly sessionVersion: number;
}

export type UserState =
  { readonly status: 'none' } | ({ readonly status: 'active' | 'disabled' } & UserAccount);

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { status: 'none' },

  evolve(state, event) {
    if (event.type === 'UserCreated') {
      const { userId, username, displayName, roles, passwordHash, mustChangePassword } = event.data;
      return {
        status: 'active',
        userId,
        username,
        displayName,
        roles,
        passwordHash,
        mustChangePassword,
        sessionVersion: 0,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'UserPasswordChanged':
        return {
          ...state,
          passwordHash: event.data.passwordHash,
          mustChangePassword: event.data.mustChangePassword,
          sessionVersion: state.sessionVersion + 1,
        };
      case 'UserRolesChanged':
        return { ...state, roles: event.data.to, sessionVersion: state.sessionVersion + 1 };
      case 'UserDisabled':
        return { ...state, status: 'disabled', sessionVersion: state.sessionVersion + 1 };
      case 'UserEnabled':
        return { ...state, status: 'active' };
      case 'UserLoggedIn':
      case 'UserLoginFailed':
        return state;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    if (command.kind === 'RecordLogin') {
      const { userId, username, refusal } = command;
      if (refusal !== null) {
        return [{ type: 'UserLoginFailed', data: { userId, username, reason: refusal } }];
      }
      if (state.status !== 'active') {
        throw new BusinessRuleViolation('user-not-active', `user ${username} cannot sign in`);
      }
      return [{ type: 'UserLoggedIn', data: { userId } }];
    }
    if (command.kind === 'CreateUser') {
      if (state.status !== 'none') {
        throw new BusinessRuleViolation(
          'username-taken',
          `the username ${command.username} is already in use`,
        );
      }
      const { userId, username, displayName, passwordHash, mustChangePassword } = command;
      return [
        {
          type: 'UserCreated',
          data: {
            userId,
            username,
            displayName,
            roles: checkedRoles(command.roles),
            passwordHash,
            mustChangePassword,
          },
        },
      ];
    }
    if (state.status === 'none') throw new UnknownEntityError('user', command.userId);
    const { userId } = state;
    switch (command.kind) {
      case 'ChangePassword':
        return [
          {
            type: 'UserPasswordChanged',
            data: {
              userId,
              passwordHash: command.passwordHash,
              mustChangePassword: command.how === 'reset',
              how: command.how,
            },
          },
        ];
      case 'ChangeRoles': {
        const roles = checkedRoles(command.roles);
        if (sameRoles(roles, state.roles)) return [];
        return [{ type: 'UserRolesChanged', data: { userId, from: state.roles, to: roles } }];
      }
      case 'DisableUser':
        if (state.status === 'disabled') return [];
        return [{ type: 'UserDisabled', data: { userId, reason: command.reason } }];
      case 'EnableUser':
        if (state.status === 'active') return [];
        return [{ type: 'UserEnabled', data: { userId } }];
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};

/** At least one role, each once, in the canonical order; an auditor holds no other role. */
export function checkedRoles(roles: readonly Role[]): Role[] {
  const distinct = [...new Set(roles)];
  if (distinct.length === 0) {
    throw new BusinessRuleViolation('user-needs-a-role', 'a user needs at least one role');
  }
  if (distinct.includes('auditor') && distinct.length > 1) {
    throw new BusinessRuleViolation(
      'auditor-is-read-only',
      'an auditor can never write, so the auditor role cannot be combined with another',
    );
  }
  return distinct.sort();
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
