import {
  ChangePassword,
  ChangeRoles,
  CreateUser,
  DisableUser,
  EnableUser,
  RecordLogin,
} from '../../../src/auth/user.commands';
import { userDecider } from '../../../src/auth/user.decider';
import type { Role } from '../../../src/auth/roles';
import type { UserEvent } from '../../../src/auth/user.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';
import { context } from '../../support/domain-fixtures';

const userId = 'user-1';
const created: UserEvent = {
  type: 'UserCreated',
  data: {
    userId,
    username: 'maria',
    displayName: 'Maria Lopez',
    roles: ['sales'],
    passwordHash: 'hash-1',
    mustChangePassword: true,
  },
};
const disabled: UserEvent = { type: 'UserDisabled', data: { userId, reason: 'left' } };

const create = (roles: readonly Role[] = ['sales']) =>
  new CreateUser(userId, 'maria', 'Maria Lopez', roles, 'hash-1', true, context);

/** The rule a refused decision names. */
function refusal(decide: () => unknown): string {
  try {
    decide();
  } catch (error) {
    if (error instanceof BusinessRuleViolation) return error.rule;
    throw error;
  }
  throw new Error('the command was not refused');
}

describe('user decider', () => {
  describe('CreateUser', () => {
    it('creates the user with its roles and password hash', () => {
      expect(given(userDecider, []).when(create())).toEqual([created]);
    });

    it('keeps each role once, in one order', () => {
      const [event] = given(userDecider, []).when(create(['sales', 'admin', 'sales']));
      expect(event).toMatchObject({ type: 'UserCreated', data: { roles: ['admin', 'sales'] } });
    });

    it('refuses a username already taken, also when the same creation is repeated', () => {
      expect(refusal(() => given(userDecider, [created]).when(create()))).toBe('username-taken');
      expect(refusal(() => given(userDecider, [created, disabled]).when(create()))).toBe(
        'username-taken',
      );
    });

    it('refuses a user without a role', () => {
      expect(refusal(() => given(userDecider, []).when(create([])))).toBe('user-needs-a-role');
    });

    it('refuses an auditor who also holds a writing role, and accepts a plain auditor', () => {
      expect(refusal(() => given(userDecider, []).when(create(['auditor', 'sales'])))).toBe(
        'auditor-is-read-only',
      );
      expect(given(userDecider, []).when(create(['auditor']))).toEqual([
        { ...created, data: { ...created.data, roles: ['auditor'] } },
      ]);
    });

    it('creates a user under a name that only failed sign-ins were recorded for', () => {
      const failed: UserEvent = {
        type: 'UserLoginFailed',
        data: { userId, username: 'maria', reason: 'unknown-user' },
      };
      expect(given(userDecider, [failed]).state).toEqual({ status: 'none' });
      expect(given(userDecider, [failed]).when(create())).toEqual([created]);
    });
  });

  describe('ChangePassword', () => {
    it('records a password the user chose, ending the one-time password', () => {
      expect(
        given(userDecider, [created]).when(new ChangePassword(userId, 'hash-2', 'self', context)),
      ).toEqual([
        {
          type: 'UserPasswordChanged',
          data: { userId, passwordHash: 'hash-2', mustChangePassword: false, how: 'self' },
        },
      ]);
    });

    it('records a reset by an admin as a one-time password to replace', () => {
      expect(
        given(userDecider, [created]).when(new ChangePassword(userId, 'hash-2', 'reset', context)),
      ).toEqual([
        {
          type: 'UserPasswordChanged',
          data: { userId, passwordHash: 'hash-2', mustChangePassword: true, how: 'reset' },
        },
      ]);
    });

    it('refuses an unknown user', () => {
      expect(() =>
        given(userDecider, []).when(new ChangePassword(userId, 'hash-2', 'self', context)),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('ChangeRoles', () => {
    it('records the roles before and after', () => {
      expect(
        given(userDecider, [created]).when(
          new ChangeRoles(userId, ['receiving', 'purchasing'], context),
        ),
      ).toEqual([
        {
          type: 'UserRolesChanged',
          data: { userId, from: ['sales'], to: ['purchasing', 'receiving'] },
        },
      ]);
    });

    it('does nothing when the user already holds exactly these roles', () => {
      const changed: UserEvent = {
        type: 'UserRolesChanged',
        data: { userId, from: ['sales'], to: ['purchasing', 'sales'] },
      };
      expect(
        given(userDecider, [created, changed]).when(
          new ChangeRoles(userId, ['sales', 'purchasing', 'sales'], context),
        ),
      ).toEqual([]);
    });

    it('refuses no role, and an auditor with another role', () => {
      expect(
        refusal(() => given(userDecider, [created]).when(new ChangeRoles(userId, [], context))),
      ).toBe('user-needs-a-role');
      expect(
        refusal(() =>
          given(userDecider, [created]).when(
            new ChangeRoles(userId, ['admin', 'auditor'], context),
          ),
        ),
      ).toBe('auditor-is-read-only');
    });

    it('refuses an unknown user', () => {
      expect(() =>
        given(userDecider, []).when(new ChangeRoles(userId, ['sales'], context)),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('DisableUser and EnableUser', () => {
    it('disables an active user with the reason', () => {
      expect(given(userDecider, [created]).when(new DisableUser(userId, 'left', context))).toEqual([
        disabled,
      ]);
    });

    it('does nothing when disabling a disabled user again', () => {
      expect(
        given(userDecider, [created, disabled]).when(new DisableUser(userId, 'again', context)),
      ).toEqual([]);
    });

    it('enables a disabled user', () => {
      expect(given(userDecider, [created, disabled]).when(new EnableUser(userId, context))).toEqual(
        [{ type: 'UserEnabled', data: { userId } }],
      );
    });

    it('does nothing when enabling an active user', () => {
      expect(given(userDecider, [created]).when(new EnableUser(userId, context))).toEqual([]);
    });

    it('refuses an unknown user', () => {
      expect(() => given(userDecider, []).when(new DisableUser(userId, 'left', context))).toThrow(
        UnknownEntityError,
      );
      expect(() => given(userDecider, []).when(new EnableUser(userId, context))).toThrow(
        UnknownEntityError,
      );
    });
  });

  describe('RecordLogin', () => {
    it('records a sign-in of an active user', () => {
      expect(
        given(userDecider, [created]).when(new RecordLogin(userId, 'maria', null, context)),
      ).toEqual([{ type: 'UserLoggedIn', data: { userId } }]);
    });

    it('records a refused sign-in with its reason, also under a name nobody holds', () => {
      expect(
        given(userDecider, [created]).when(
          new RecordLogin(userId, 'maria', 'wrong-password', context),
        ),
      ).toEqual([
        { type: 'UserLoginFailed', data: { userId, username: 'maria', reason: 'wrong-password' } },
      ]);
      expect(
        given(userDecider, []).when(new RecordLogin(userId, 'nobody', 'unknown-user', context)),
      ).toEqual([
        { type: 'UserLoginFailed', data: { userId, username: 'nobody', reason: 'unknown-user' } },
      ]);
    });

    it('refuses to record a successful sign-in of a disabled or unknown user', () => {
      expect(
        refusal(() =>
          given(userDecider, [created, disabled]).when(
            new RecordLogin(userId, 'maria', null, context),
          ),
        ),
      ).toBe('user-not-active');
      expect(
        refusal(() => given(userDecider, []).when(new RecordLogin(userId, 'maria', null, context))),
      ).toBe('user-not-active');
    });
  });

  describe('session version', () => {
    const version = (history: readonly UserEvent[]) => {
      const { state } = given(userDecider, [created, ...history]);
      if (state.status === 'none') throw new Error('no user');
      return state.sessionVersion;
    };

    it('grows with a password change, a role change and disabling, which end open sessions', () => {
      expect(version([])).toBe(0);
      expect(
        version([
          {
            type: 'UserPasswordChanged',
            data: { userId, passwordHash: 'h', mustChangePassword: false, how: 'self' },
          },
        ]),
      ).toBe(1);
      expect(
        version([{ type: 'UserRolesChanged', data: { userId, from: ['sales'], to: ['admin'] } }]),
      ).toBe(1);
      expect(version([disabled])).toBe(1);
    });

    it('stays with sign-ins and enabling, so they end no session', () => {
      expect(
        version([
          disabled,
          { type: 'UserEnabled', data: { userId } },
          { type: 'UserLoggedIn', data: { userId } },
          {
            type: 'UserLoginFailed',
            data: { userId, username: 'maria', reason: 'wrong-password' },
          },
        ]),
      ).toBe(1);
    });
  });
});
