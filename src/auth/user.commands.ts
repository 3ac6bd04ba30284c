import type { CommandContext } from '../shared/commands/command-context';
import type { LoginRefusal } from './user.events';
import type { Role } from './roles';

export class CreateUser {
  readonly kind = 'CreateUser';

  constructor(
    readonly userId: string,
    readonly username: string,
    readonly displayName: string,
    readonly roles: readonly Role[],
    readonly passwordHash: string,
    readonly mustChangePassword: boolean,
    readonly context: CommandContext,
  ) {}
}

export class ChangePassword {
  readonly kind = 'ChangePassword';

  constructor(
    readonly userId: string,
    readonly passwordHash: string,
    readonly how: 'self' | 'reset',
    readonly context: CommandContext,
  ) {}
}

export class ChangeRoles {
  readonly kind = 'ChangeRoles';

  constructor(
    readonly userId: string,
    readonly roles: readonly Role[],
    readonly context: CommandContext,
  ) {}
}

export class DisableUser {
  readonly kind = 'DisableUser';

  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

export class EnableUser {
  readonly kind = 'EnableUser';

  constructor(
    readonly userId: string,
    readonly context: CommandContext,
  ) {}
}

/** The outcome of a sign-in the password check already decided. */
export class RecordLogin {
  readonly kind = 'RecordLogin';

  constructor(
    readonly userId: string,
    readonly username: string,
    readonly refusal: LoginRefusal | null,
    readonly context: CommandContext,
  ) {}
}

export type UserCommand =
  CreateUser | ChangePassword | ChangeRoles | DisableUser | EnableUser | RecordLogin;
