import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../shared/eventstore/event-store.port';
import type { ProjectionDefinition } from '../shared/projections/projection-definition';
import { ProjectionEngine, type ProjectionStatus } from '../shared/projections/projection-engine';
import { SqliteReadModelStore } from '../shared/readmodels/sqlite-read-model-store';
import { digestReadModels, type ReadModelDigest } from './read-model-digest';

const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * Rebuilds every projection from the start of the log into a fresh read store (a new SQLite file
 * in a temporary folder, removed afterwards) with the real ProjectionEngine, as a replay would,
 * and digests the result once all have reached the head the log had when the rebuild began.
 * A projection that stops at an event, or does not get there in time, fails the rebuild.
 */
export async function rebuildReadModels(
  events: EventStore,
  definitions: readonly ProjectionDefinition[],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ReadModelDigest> {
  const dir = mkdtempSync(join(tmpdir(), 'read-model-rebuild-'));
  const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  try {
    // Failures are thrown with the projection's status; the engine's own log lines would be noise.
    const engine = new ProjectionEngine(events, store, definitions, silentLogger());
    const head = await events.head();
    await engine.start();
    try {
      const reached = head ? await engine.waitFor(head.position, timeoutMs) : true;
      if (!reached)
        throw new Error(
          `the rebuild did not reach the head of the log: ${describe(await engine.statuses())}`,
        );
    } finally {
      await engine.stop();
    }
    return await digestReadModels(store, definitions, (definition, collection) =>
      engine.collection(definition.name, collection),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(statuses: readonly ProjectionStatus[]): string {
  return statuses
    .filter((s) => s.failure || s.eventsBehind > 0)
    .map((s) =>
      s.failure
        ? `${s.name} stopped at event ${s.failure.eventId} (${s.failure.eventType}): ${s.failure.message}`
        : `${s.name} is ${s.eventsBehind} events behind`,
    )
    .join('; ');
}

function silentLogger(): Logger {
  const logger = new Logger('ReadModelRebuild');
  for (const level of ['log', 'warn', 'error', 'debug', 'verbose', 'fatal'] as const)
    logger[level] = () => undefined;
  return logger;
}
