import { Logger } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allProjections } from '../../projections/all-projections';
import { checkReadModels } from '../../scripts/check-read-models';
import {
  compareReadModels,
  describeDifferences,
  type ReadModelComparison,
} from '../../src/audit/read-model-comparison';
import { digestReadModels, type ReadModelDigest } from '../../src/audit/read-model-digest';
import { rebuildReadModels } from '../../src/audit/rebuild-read-models';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { applyEvents } from '../../src/shared/projections/projection-batch';
import { ProjectionEngine } from '../../src/shared/projections/projection-engine';
import { checkpointName, physicalCollection } from '../../src/shared/projections/projection-naming';
import type {
  DocumentWrite,
  ReadModelStore,
} from '../../src/shared/readmodels/read-model-store.port';
import { SqliteReadModelStore } from '../../src/shared/readmodels/sqlite-read-model-store';
import { playBackorderDay } from '../support/backorder-day';
import { ShopCommands } from '../support/shop-commands';
import { collect, newEvent } from '../support/events';
import { tempDir } from '../support/temp-dir';
import { startTestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const quiet = new Logger('projection-crash');
for (const level of ['log', 'warn', 'error'] as const) quiet[level] = () => undefined;

/**
 * Read models survive a crash and a redelivery. Over the log of a real day in the shop, the live
 * read models equal a rebuild from scratch (the check:read-models script's verdict), and so does
 * every projection resumed from an old checkpoint after its documents were wholly or partly
 * written, or fed the same events twice. Batches of 25 events stand for the live runner's small
 * batches; a rebuild reads the whole log in one, so the two cut the same events differently.
 */
describe('projections after a crash or a redelivery', () => {
  const data = tempDir();
  const work = tempDir();
  let events: SqliteEventStore;
  let log: RecordedEvent[];
  let clean: ReadModelDigest;
  let stores = 0;

  beforeAll(async () => {
    const t = await startTestApp({}, data.path);
    try {
      await playBackorderDay(new ShopCommands(t.app));
    } finally {
      await t.close();
    }
    events = new SqliteEventStore({ file: join(data.path, 'events.sqlite') });
    log = await collect(events.readAll());
    clean = await rebuildReadModels(events, allProjections);
  });
  afterAll(async () => {
    await events?.close();
    data.remove();
    work.remove();
  });

  /** A new, empty read store with every projection's collections, as a runner prepares them. */
  const freshStore = async (): Promise<SqliteReadModelStore> => {
    const store = new SqliteReadModelStore({ file: join(work.path, `${stores++}.sqlite`) });
    for (const definition of allProjections)
      for (const collection of definition.collections)
        await store.ensureCollection({
          ...collection,
          name: physicalCollection({ definition }, collection.name),
        });
    return store;
  };
  /** Feeds every projection one batch, as its runner would. */
  const deliver = async (store: ReadModelStore, batch: readonly RecordedEvent[]) => {
    let written = 0;
    for (const definition of allProjections)
      written += (await applyEvents({ definition }, store, batch)).documentsWritten;
    return written;
  };
  /** Starts the real engine on the store, from the checkpoints it holds, until the head. */
  const restart = async (store: ReadModelStore): Promise<ReadModelDigest> => {
    const engine = new ProjectionEngine(events, store, allProjections, quiet);
    await engine.start();
    const reached = await engine.waitFor(log.at(-1)!.position, 10_000);
    await engine.stop();
    expect(reached).toBe(true);
    return digestReadModels(store, allProjections, (definition, collection) =>
      engine.collection(definition.name, collection),
    );
  };
  const digestOf = (store: ReadModelStore) =>
    digestReadModels(store, allProjections, (definition, collection) =>
      physicalCollection({ definition }, collection),
    );

  it('plays a day in the shop whose rebuild fills every read model of the shop', () => {
    expect(log.length).toBeGreaterThan(50);
    const empty = clean.collections.filter((c) => c.documents === 0).map((c) => c.physical);
    // Nobody issues an API key during the day.
    expect(empty).toEqual(['api_keys_v1']);
  });

  it('finds the live read models equal to a rebuild from scratch', async () => {
    const outcome = await checkReadModels([], { DATA_DIR: data.path });
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('purchase_orders/purchase_order_allocations');
    expect(outcome.stdout).toContain('Result: passed');
    expect(outcome.code).toBe(0);
  });

  it('exits 1 and names the document when a live read model differs from the rebuild', async () => {
    const live = new SqliteReadModelStore({ file: join(data.path, 'read-models.sqlite') });
    const [order] = (await live.find('backorders_v1', { limit: 1 })).items;
    const [stored] = (await live.loadForUpdate('backorders_v1', [order.id as string])).values();
    const edited = { ...order, notes: 'edited by hand' };
    await live.applyBatch(
      'hand-edit',
      [{ ...stored, collection: 'backorders_v1', document: edited }],
      stored.position,
    );
    await live.close();

    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/check-read-models.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: data.path },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/backorder_details\/backorders +\d+ +\d+ +\w+ +\w+ +NO/);
    expect(run.stdout).toContain(`1 different (${order.id as string})`);
    expect(run.status).toBe(1);
  });

  it('refuses to compare (exit 2) while the live read models are behind the log', async () => {
    const behind = tempDir();
    cpSync(data.path, behind.path, { recursive: true });
    const copy = new SqliteEventStore({ file: join(behind.path, 'events.sqlite') });
    await copy.append('counter-1', [newEvent('Ticked', {})], 'any');
    await copy.close();

    const outcome = await checkReadModels([], { DATA_DIR: behind.path });
    behind.remove();
    const at = log.at(-1)!.position.commit;
    expect(outcome.stderr).toContain(`stream_activity is at ${at}, the log at ${at + 1}\n`);
    expect(outcome.code).toBe(2);
  });

  describe.each([
    ['every document of the batch', (writes: readonly DocumentWrite[]) => writes],
    [
      'every other document, as an unordered bulk cut short would',
      (writes: readonly DocumentWrite[]) => writes.filter((_, i) => i % 2 === 0),
    ],
  ])('a crash after writing %s, before the checkpoint', (_, survivors) => {
    it.each([0.1, 0.35, 0.6, 0.85])(
      'resumes at %p of the log from the old checkpoint and equals a clean rebuild',
      async (at) => {
        const store = await freshStore();
        const split = Math.max(1, Math.floor(log.length * at));
        await deliver(store, log.slice(0, split));
        const dying = dyingStore(store, survivors);
        for (const definition of allProjections) {
          await expect(
            applyEvents({ definition }, dying.store, log.slice(split, split + 40)),
          ).rejects.toThrow('died');
          // The crash left documents ahead of a checkpoint that still names the last batch.
          expect(await store.getCheckpoint(checkpointName({ definition }))).toEqual(
            log[split - 1].position,
          );
        }
        expect(dying.written()).toBeGreaterThan(0);

        expectSame(compareReadModels(clean, await restart(store)));
        await store.close();
      },
    );
  });

  it('changes nothing when every batch is delivered twice in a row', async () => {
    const store = await freshStore();
    let rewritten = 0;
    for (const batch of chunk(log, 25)) {
      await deliver(store, batch);
      rewritten += await deliver(store, batch);
    }
    expect(rewritten).toBe(0);
    expectSame(compareReadModels(clean, await digestOf(store)));
    await store.close();
  });

  it('changes nothing when it resumes from checkpoints far behind its documents', async () => {
    const store = await freshStore();
    for (const batch of chunk(log, 25)) await deliver(store, batch);
    const once = await digestOf(store);
    // As if the checkpoints had been lost after the first few events: most of the log comes again.
    for (const definition of allProjections)
      await store.applyBatch(checkpointName({ definition }), [], log[4].position);

    expect((await restart(store)).sha256).toBe(once.sha256);
    expectSame(compareReadModels(clean, once));
    await store.close();
  });
});

/**
 * A read store whose process dies inside applyBatch: the surviving document writes are durable,
 * the checkpoint keeps its old value, and the caller sees the crash as an error.
 */
function dyingStore(
  store: ReadModelStore,
  survivors: (writes: readonly DocumentWrite[]) => readonly DocumentWrite[],
) {
  let written = 0;
  const dying = Object.create(store) as ReadModelStore;
  dying.applyBatch = async (consumer, writes) => {
    const old = await store.getCheckpoint(consumer);
    const kept = survivors(writes);
    written += kept.length;
    await store.applyBatch(consumer, kept, old!);
    throw new Error('the process died before recording the checkpoint');
  };
  return { store: dying, written: () => written };
}

function expectSame(comparison: ReadModelComparison): void {
  expect(describeDifferences(comparison)).toEqual([]);
  expect(comparison.equal).toBe(true);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
