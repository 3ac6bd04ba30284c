import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import type { Logger } from '@nestjs/common';
import { allProjections } from '../../../projections/all-projections';
import type { AppConfig } from '../config/app-config';
import { openEventStore } from '../eventstore/event-store.module';
import { SqliteEventStore } from '../eventstore/sqlite-event-store';
import { openReadModelStore } from '../readmodels/read-models.module';
import { ProjectionEngine } from './projection-engine';
import type { HostMessage, WorkerMessage } from './projection-worker-messages';

/**
 * The projections in a thread of their own: the same engine and definitions, on connections of
 * their own, reporting progress to the server thread (ProjectionWorkerHost), which answers
 * queries and waits for read-your-writes from that mirror.
 */
async function main(): Promise<void> {
  const port = parentPort!;
  const config = (workerData as { config: AppConfig }).config;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const log = pino({ level: config.logLevel }).child({
    context: 'Projections',
    thread: 'projections',
  });
  const logger = {
    debug: (message: string) => log.debug(message),
    log: (message: string) => log.info(message),
    warn: (message: string) => log.warn(message),
    error: (message: string) => log.error(message),
  } as unknown as Logger;
  const events = openEventStore(config.eventStore);
  const readModels = await openReadModelStore(config.readStore);
  const engine = new ProjectionEngine(events, readModels, allProjections, logger, {
    onProgress: (projection, position) => post({ type: 'progress', projection, position }),
    onServing: (projection, collections) => post({ type: 'serving', projection, collections }),
  });
  port.on('message', (message: HostMessage) => {
    void (async () => {
      switch (message.type) {
        case 'appended':
          if (events instanceof SqliteEventStore) events.wakeSubscriptions();
          return;
        case 'statuses':
          post({ type: 'statuses', id: message.id, statuses: await engine.statuses() });
          return;
        case 'stop':
          await engine.stop();
          await events.close();
          await readModels.close();
          post({ type: 'stopped' });
          port.close();
          return;
      }
    })().catch((error: unknown) => post({ type: 'failed', message: (error as Error).message }));
  });
  await engine.start();
  // Where each projection resumed: the server waits on these until the first batch moves them.
  for (const status of await engine.statuses()) {
    if (status.position)
      post({ type: 'progress', projection: status.name, position: status.position });
  }
  post({ type: 'started' });
}

main().catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'failed',
    message: (error as Error).stack ?? String(error),
  } satisfies WorkerMessage);
});
