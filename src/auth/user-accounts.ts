import { Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../shared/commands/command-context';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { StreamStates } from '../shared/commands/stream-states';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { invalidFields } from '../shared/http/invalid-fields';
import { PasswordHasher } from './password-hasher';
import type { Role } from './roles';
import { PasswordPolicy } from './password-policy';
import { RefreshSession } from './session-family.commands';
import type { SessionFamilyEvent } from './session-family.events';
import { type RefreshPlace, type TokenPair, TokenIssuer } from './token-issuer';
import {
  ChangePassword,
  ChangeRoles,
  CreateUser,
  DisableUser,
  EnableUser,
  RecordLogin,
  type UserCommand,
} from './user.commands';
import { userDecider } from './user.decider';
import type { LoginRefusal, UserEvent } from './user.events';
import { normalUsername, userIdOf } from './user-id';

export interface SignedIn extends TokenPair {
  readonly passwordChangeRequired: boolean;
  readonly roles: readonly Role[];
}

const REFUSED = 'wrong username or password';

/** Users' lifecycle and sign-in: every change, and every sign-in attempt, is an event. */
@Injectable()
export class UserAccounts {
  constructor(
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly passwords: PasswordPolicy,
  ) {}

  /** A new user, with a one-time password unless a password is given (setup and tests). */
  async create(
    request: {
      readonly username: string;
      readonly displayName?: string;
      readonly roles: readonly Role[];
      readonly password?: string;
      /** Whether a given password must still be replaced at the first sign-in. */
      readonly mustChangePassword?: boolean;
    },
    context: CommandContext,
  ): Promise<{
    id: string;
    username: string;
    oneTimePassword: string | null;
    /** Where the log stood after the account was made: for read-your-writes. */
    position: CommandOutcome<UserEvent>['position'];
  }> {
    const username = normalUsername(request.username);
    const oneTimePassword = request.password ? null : this.hasher.oneTimePassword();
    const userId = userIdOf(username);
    const outcome = await this.run(
      new CreateUser(
        userId,
        username,
        request.displayName?.trim() || username,
        request.roles,
        await this.hasher.hash(request.password ?? (oneTimePassword as string)),
        request.mustChangePassword ?? oneTimePassword !== null,
        context,
      ),
    );
    return { id: userId, username, oneTimePassword, position: outcome.position };
  }

  async login(username: string, password: string, context: CommandContext): Promise<SignedIn> {
    const name = normalUsername(username).slice(0, 128);
    const userId = userIdOf(name);
    const { state } = await this.states.load(userDecider, streams.user(userId));
    const known = state.status === 'none' ? null : state;
    const matches = await this.hasher.verify(known?.passwordHash ?? null, password);
    const refusal: LoginRefusal | null = !known
      ? 'unknown-user'
      : !matches
        ? 'wrong-password'
        : known.status === 'disabled'
          ? 'disabled'
          : null;
    // Failures are recorded as nobody's act: the name typed is in the event, not in its actor.
    const actor = refusal ? 'anonymous' : name;
    await this.run(new RecordLogin(userId, name, refusal, { ...context, actor }));
    if (refusal || !known) throw new UnauthorizedException(REFUSED);
    return this.signedIn(userId);
  }

  async changeOwnPassword(
    userId: string,
    current: string,
    next: string,
    context: CommandContext,
  ): Promise<SignedIn> {
    const { state } = await this.states.load(userDecider, streams.user(userId));
    if (state.status !== 'active' || !(await this.hasher.verify(state.passwordHash, current))) {
      throw new BusinessRuleViolation('current-password-wrong', 'the current password is wrong');
    }
    if (current === next) {
      throw new BusinessRuleViolation(
        'password-unchanged',
        'the new password must differ from the current one',
      );
    }
    const problem = await this.passwords.problemWith(next, state);
    if (problem) throw invalidFields({ newPassword: `newPassword ${problem}` });
    await this.run(new ChangePassword(userId, await this.hasher.hash(next), 'self', context));
    return this.signedIn(userId);
  }

  /** An admin gives a user a new one-time password; the user's sessions end. */
  async resetPassword(userId: string, context: CommandContext): Promise<string> {
    const oneTimePassword = this.hasher.oneTimePassword();
    await this.run(
      new ChangePassword(userId, await this.hasher.hash(oneTimePassword), 'reset', context),
    );
    return oneTimePassword;
  }

  changeRoles(userId: string, roles: readonly Role[], context: CommandContext) {
    return this.run(new ChangeRoles(userId, roles, context));
  }

  disable(userId: string, reason: string, context: CommandContext) {
    return this.run(new DisableUser(userId, reason, context));
  }

  enable(userId: string, context: CommandContext) {
    return this.run(new EnableUser(userId, context));
  }

  /**
   * The next tokens of a sign-in's chain. A refresh token is good once: presented again (a copy in
   * someone else's hands, or the client's own replay), it ends the chain for both holders.
   */
  async refresh(refreshToken: string, context: CommandContext): Promise<SignedIn> {
    const claims = await this.tokens.verifyRefresh(refreshToken);
    const { state } = await this.states.load(userDecider, streams.user(claims.sub));
    if (state.status !== 'active' || state.sessionVersion !== claims.sv) {
      throw new UnauthorizedException('this session has ended; sign in again');
    }
    const next = { fid: claims.fid, gen: claims.gen + 1, jti: randomUUID() };
    const command = new RefreshSession(claims.fid, claims.sub, claims.gen, claims.jti, next.jti, {
      ...context,
      actor: state.username,
    });
    const outcome = await this.commands.execute<RefreshSession, CommandOutcome<SessionFamilyEvent>>(
      command,
    );
    if (!outcome.events.some((event) => event.type === 'SessionRefreshed')) {
      throw new UnauthorizedException('this session has ended; sign in again');
    }
    return this.signedIn(claims.sub, next);
  }

  /**
   * Tokens for an active user without a sign-in, so nothing is recorded: for in-process tools
   * that act as staff (the demo seed, tests), never reachable over HTTP.
   */
  async sessionFor(userId: string): Promise<SignedIn> {
    return this.signedIn(userId);
  }

  private async signedIn(userId: string, place?: RefreshPlace): Promise<SignedIn> {
    const { state } = await this.states.load(userDecider, streams.user(userId));
    if (state.status !== 'active') throw new UnauthorizedException(REFUSED);
    return {
      ...(await this.tokens.issue(state, place)),
      passwordChangeRequired: state.mustChangePassword,
      roles: state.roles,
    };
  }

  private run(command: UserCommand): Promise<CommandOutcome<UserEvent>> {
    return this.commands.execute(command);
  }
}
