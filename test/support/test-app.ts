import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app.module';
import type { Role } from '../../src/auth/roles';
import { UserAccounts } from '../../src/auth/user-accounts';
import { userIdOf } from '../../src/auth/user-id';
import { BusinessRuleViolation } from '../../src/shared/domain/domain-errors';
import { APP_CONFIG, loadConfig } from '../../src/shared/config/app-config';
import { EVENT_STORE, type EventStore } from '../../src/shared/eventstore/event-store.port';
import { configureHttpApp, createHttpAdapter } from '../../src/shared/http/http-app';
import { tempDir } from './temp-dir';

/** The password every user a test makes shares. */
export const TEST_PASSWORD = 'test password, long enough';

/** Staff who may do everything but audit: what most tests act as. */
export const STAFF_ROLES: readonly Role[] = [
  'sales',
  'purchasing',
  'receiving',
  'accounting',
  'admin',
];

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** Signed in as `staff`, who holds every role but auditor. */
  readonly http: TestAgent;
  /** Nobody signed in. */
  readonly anonymous: TestAgent;
  /** Signed in as this user, made with these roles the first time it is asked for. */
  as(username: string, roles?: readonly Role[]): Promise<TestAgent>;
  /** A fresh access token for the user (made with these roles when new). */
  tokenFor(username: string, roles?: readonly Role[]): Promise<string>;
  readonly events: EventStore;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The real application on fresh embedded stores in a temporary folder, or on the stores an
 * earlier app left in `dataDir` (a restart); only a folder the helper made is removed on close.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestApp> {
  const dir = dataDir ? { path: dataDir, remove: () => undefined } : tempDir();
  // Projections run in this thread unless a test asks for the worker: faster to start, easier to debug.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PROJECTIONS_THREAD: 'main',
    ADMIN_INITIAL_PASSWORD: 'first admin password',
    // Tests fire writes faster than people do; the limit itself has its own test.
    WRITES_PER_SECOND: '1000000',
    ...env,
    DATA_DIR: dir.path,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), {
    logger: false,
  });
  await configureHttpApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const accounts = app.get(UserAccounts);
  const context = { actor: 'test-setup', correlationId: 'test-setup', causationId: 'test-setup' };
  const tokenFor = async (username: string, roles: readonly Role[] = STAFF_ROLES) => {
    try {
      await accounts.create(
        { username, roles, password: TEST_PASSWORD, mustChangePassword: false },
        context,
      );
    } catch (error) {
      // Made by an earlier run on the same data (a restart): sign in as it is.
      if (!(error instanceof BusinessRuleViolation && error.rule === 'username-taken')) throw error;
    }
    // Not by signing in, which records an event tests would count.
    return (await accounts.sessionFor(userIdOf(username))).accessToken;
  };
  const agents = new Map<string, TestAgent>();
  const as = async (username: string, roles?: readonly Role[]) => {
    let agent = agents.get(username);
    if (!agent) {
      agent = request
        .agent(app.getHttpServer())
        .set('Authorization', `Bearer ${await tokenFor(username, roles)}`);
      agents.set(username, agent);
    }
    return agent;
  };
  return {
    app,
    http: await as('staff'),
    anonymous: request(app.getHttpServer()),
    as,
    tokenFor,
    events: app.get<EventStore>(EVENT_STORE),
    dataDir: dir.path,
    close: async () => {
      await app.close();
      dir.remove();
    },
  };
}

/** How many events the log holds: a rejected request must leave it unchanged. */
export async function eventCount(events: EventStore): Promise<number> {
  return events.countAfter('start', Number.MAX_SAFE_INTEGER);
}
