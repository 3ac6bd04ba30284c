import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { streamActivityProjection } from '../../projections/audit/stream-activity.projection';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { ProjectionEngine } from '../../src/shared/projections/projection-engine';
import { SqliteReadModelStore } from '../../src/shared/readmodels/sqlite-read-model-store';

/**
 * Replays the whole log through the real engine (subscription, batch evolve, checkpointed writes)
 * into a fresh embedded read store, with the stream activity projection: a count per stream.
 */
export async function measureReplay(
  logFile: string,
  dir: string,
): Promise<{ events: number; ms: number; streams: number }> {
  const events = new SqliteEventStore({ file: logFile });
  const readModels = new SqliteReadModelStore({ file: join(dir, 'replay-read-models.sqlite') });
  const head = await events.head();
  if (!head) throw new Error('the log is empty');
  const total = await events.countAfter('start', Number.MAX_SAFE_INTEGER);
  const logger = new Logger('bench');
  logger.localInstance.log = () => undefined;
  const engine = new ProjectionEngine(events, readModels, [streamActivityProjection], logger);
  const started = performance.now();
  await engine.start();
  if (!(await engine.waitFor(head.position, 600_000))) throw new Error('the replay did not finish');
  const ms = performance.now() - started;
  const streams = await readModels.count(engine.collection('stream_activity', 'stream_activity'));
  await engine.stop();
  await readModels.close();
  await events.close();
  return { events: total, ms, streams };
}
