import type { ApiKeyEvent } from '../../src/auth/api-key.events';
import type { Role } from '../../src/auth/roles';
import type { UserEvent } from '../../src/auth/user.events';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type UserRecordedEvent = RecordedEvent<UserEvent['type']> & UserEvent;
type ApiKeyRecordedEvent = RecordedEvent<ApiKeyEvent['type']> & ApiKeyEvent;
type AccessEvent = UserRecordedEvent | ApiKeyRecordedEvent;

/** A user as the admin screen lists them: never the password hash. */
export type UserListing = {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'disabled';
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
  readonly failedLoginsSinceLastLogin: number;
};

/** An API key as listed: its name and roles, never its secret or hash. */
export type ApiKeyListing = {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'revoked';
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly revokedAt: string | null;
};

const USER_EVENTS = [
  'UserCreated',
  'UserPasswordChanged',
  'UserRolesChanged',
  'UserDisabled',
  'UserEnabled',
  'UserLoggedIn',
  'UserLoginFailed',
] as const satisfies readonly UserEvent['type'][];

const isUserEvent = (event: AccessEvent): event is UserRecordedEvent =>
  (USER_EVENTS as readonly string[]).includes(event.type);

/** Users and API keys for the admin: who holds which roles, who signs in, which keys live. */
export const userDirectoryProjection = defineProjection<AccessEvent>({
  name: 'user_directory',
  version: 1,
  eventTypes: [...USER_EVENTS, 'ApiKeyIssued', 'ApiKeyRevoked'],
  collections: [
    defineCollection<AccessEvent, UserListing>({
      name: 'users',
      indexes: [{ field: 'username' }],
      documentIds: (event) => (isUserEvent(event) ? [event.data.userId] : []),
      evolve: (user, event) => (isUserEvent(event) ? evolveUser(user, event) : user),
    }),
    defineCollection<AccessEvent, ApiKeyListing>({
      name: 'api_keys',
      indexes: [{ field: 'name' }],
      documentIds: (event) => (isUserEvent(event) ? [] : [event.data.keyId]),
      evolve: (key, event) => {
        if (event.type === 'ApiKeyIssued') {
          const { keyId, name, roles } = event.data;
          return {
            id: keyId,
            name,
            roles,
            status: 'active',
            issuedAt: event.metadata.occurredAt,
            issuedBy: event.metadata.actor,
            revokedAt: null,
          };
        }
        if (event.type === 'ApiKeyRevoked' && key) {
          return { ...key, status: 'revoked', revokedAt: event.metadata.occurredAt };
        }
        return key;
      },
    }),
  ],
});

function evolveUser(user: UserListing | null, event: UserRecordedEvent): UserListing | null {
  if (event.type === 'UserCreated') {
    const { userId, username, displayName, roles, mustChangePassword } = event.data;
    return {
      id: userId,
      username,
      displayName,
      roles,
      status: 'active',
      mustChangePassword,
      createdAt: event.metadata.occurredAt,
      lastLoginAt: null,
      failedLoginsSinceLastLogin: 0,
    };
  }
  // Failed sign-ins under a name nobody holds make no listing.
  if (!user) return null;
  switch (event.type) {
    case 'UserPasswordChanged':
      return { ...user, mustChangePassword: event.data.mustChangePassword };
    case 'UserRolesChanged':
      return { ...user, roles: event.data.to };
    case 'UserDisabled':
      return { ...user, status: 'disabled' };
    case 'UserEnabled':
      return { ...user, status: 'active' };
    case 'UserLoggedIn':
      return { ...user, lastLoginAt: event.metadata.occurredAt, failedLoginsSinceLastLogin: 0 };
    case 'UserLoginFailed':
      return { ...user, failedLoginsSinceLastLogin: user.failedLoginsSinceLastLogin + 1 };
  }
}
