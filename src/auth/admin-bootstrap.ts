import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { DeciderExecutor } from '../shared/commands/decider-executor';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { WrongExpectedVersionError } from '../shared/eventstore/event-store.errors';
import { streams } from '../shared/eventstore/stream-names';
import { userDecider } from './user.decider';
import { UserAccounts } from './user-accounts';
import { userIdOf } from './user-id';

export const FIRST_ADMIN = 'admin';

/**
 * On the first start (no `admin` user yet) creates the `admin` account with a one-time password,
 * printed once on standard output; the first sign-in must replace it.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);
  /** The one-time password made on this start, repeated under the "listening on" line. */
  private madePassword: string | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly executor: DeciderExecutor,
    private readonly accounts: UserAccounts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { state } = await this.executor.load(userDecider, streams.user(userIdOf(FIRST_ADMIN)));
    if (state.status !== 'none') return;
    const given = this.config.auth.adminInitialPassword;
    const context = { actor: 'system', correlationId: randomUUID(), causationId: randomUUID() };
    let created;
    try {
      created = await this.accounts.create(
        {
          username: FIRST_ADMIN,
          displayName: 'Administrator',
          roles: ['admin'],
          ...(given ? { password: given, mustChangePassword: true } : {}),
        },
        context,
      );
    } catch (error) {
      // Another process started at the same moment and made the account: its password stands.
      if (error instanceof WrongExpectedVersionError || error instanceof BusinessRuleViolation) {
        return;
      }
      throw error;
    }
    if (given) {
      this.logger.log('created the admin account with ADMIN_INITIAL_PASSWORD (one-time)');
      return;
    }
    this.madePassword = created.oneTimePassword ?? null;
    process.stdout.write(this.firstStartNotice() ?? '');
  }

  /** What to tell the person who started the server, when this start made the admin account. */
  firstStartNotice(): string | null {
    if (!this.madePassword) return null;
    return (
      `\nFirst start: created the user "admin" with the one-time password\n\n    ${this.madePassword}\n\n` +
      'Sign in with POST /auth/login and choose a new password with POST /auth/password.\n' +
      'This password is shown only during this start.\n\n'
    );
  }
}
