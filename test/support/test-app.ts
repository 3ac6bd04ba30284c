import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app.module';
import { APP_CONFIG, loadConfig } from '../../src/shared/config/app-config';
import { EVENT_STORE, type EventStore } from '../../src/shared/eventstore/event-store.port';
import { configureHttpApp, createHttpAdapter } from '../../src/shared/http/http-app';
import { tempDir } from './temp-dir';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: TestAgent;
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
  configureHttpApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
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
