import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../src/shared/eventstore/event-envelope';
import { SqliteEventStore } from '../../../src/shared/eventstore/sqlite-event-store';
import { ProjectionEngine } from '../../../src/shared/projections/projection-engine';
import {
  defineCollection,
  defineProjection,
  type ProjectionDefinition,
} from '../../../src/shared/projections/projection-definition';
import type {
  Document,
  ReadModelStore,
} from '../../../src/shared/readmodels/read-model-store.port';
import { SqliteReadModelStore } from '../../../src/shared/readmodels/sqlite-read-model-store';
import { newEvent } from '../../support/events';
import { tempDir } from '../../support/temp-dir';

type CounterEvent = RecordedEvent<string, { counter: string }>;

/** Counts Ticked events per counter; `step` lets a later version count differently. */
function counters(version: number, step = 1, breaksOn?: string): ProjectionDefinition {
  return defineProjection<CounterEvent>({
    name: 'counters',
    version,
    eventTypes: ['Ticked', 'Broken'],
    collections: [
      defineCollection<CounterEvent, Document>({
        name: 'counters',
        indexes: [{ field: 'ticks' }],
        documentIds: (e) => [e.data.counter],
        evolve: (doc, e, id) => {
          if (e.type === breaksOn) throw new Error(`cannot handle ${e.type}`);
          return { id, ticks: ((doc?.ticks as number) ?? 0) + step };
        },
      }),
    ],
  });
}

const quiet = new Logger('test');
quiet.localInstance.log = () => undefined;
quiet.localInstance.warn = () => undefined;
quiet.localInstance.error = () => undefined;

describe('projection engine', () => {
  let dir: ReturnType<typeof tempDir>;
  let events: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  let engine: ProjectionEngine | null;

  beforeEach(() => {
    dir = tempDir();
    events = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    readModels = new SqliteReadModelStore({ file: join(dir.path, 'read-models.sqlite') });
    engine = null;
  });
  afterEach(async () => {
    await engine?.stop();
    await events.close();
    await readModels.close();
    dir.remove();
  });

  const tick = (counter: string, type = 'Ticked') =>
    events.append(`counter-${counter}`, [newEvent(type, { counter })], 'any');
  const start = async (definition: ProjectionDefinition, store: ReadModelStore = readModels) => {
    engine = new ProjectionEngine(events, store, [definition], quiet);
    await engine.start();
    return engine;
  };
  const ticksOf = async (id: string) =>
    (await readModels.findById(engine!.collection('counters', 'counters'), id))?.ticks;

  it('refuses two projections that declare the same collection', () => {
    const other = { ...counters(1), name: 'other_counters' };
    expect(() => new ProjectionEngine(events, readModels, [counters(1), other], quiet)).toThrow(
      'projections counters and other_counters both declare collection counters',
    );
  });

  it('projects what is in the log, then what is appended live', async () => {
    await tick('a');
    await tick('a');
    const running = await start(counters(1));
    const { position } = await tick('b');

    expect(await running.waitFor(position, 5000)).toBe(true);
    expect(await ticksOf('a')).toBe(2);
    expect(await ticksOf('b')).toBe(1);
    const [status] = await running.statuses();
    expect(status).toMatchObject({
      name: 'counters',
      version: 1,
      state: 'live',
      serving: true,
      eventsBehind: 0,
      msBehind: 0,
    });
  });

  it('resumes from its checkpoint after a restart without counting twice', async () => {
    await tick('a');
    const first = await start(counters(1));
    expect(await first.waitFor((await tick('a')).position, 5000)).toBe(true);
    await first.stop();

    await tick('a');
    const second = await start(counters(1));
    expect(await second.waitFor((await tick('a')).position, 5000)).toBe(true);
    expect(await ticksOf('a')).toBe(4);
  });

  it('stops at an event that breaks a projection, names it, and never skips it', async () => {
    await tick('a');
    const broken = await tick('a', 'Broken');
    await tick('a');
    const running = await start(counters(1, 1, 'Broken'));

    expect(await running.waitFor(broken.position, 2000)).toBe(false);
    const [status] = await running.statuses();
    expect(status.state).toBe('failed');
    expect(status.failure).toMatchObject({ eventType: 'Broken', position: broken.position });
    expect(status.eventsBehind).toBe(2);
    expect(await ticksOf('a')).toBe(1);

    await running.stop();
    const restarted = await start(counters(1, 1, 'Broken'));
    await restarted.waitFor(broken.position, 500);
    expect((await restarted.statuses())[0].failure?.eventType).toBe('Broken');
    expect(await ticksOf('a')).toBe(1);
  });

  it('reports how far behind it is, in events and in time', async () => {
    const gate = gatedStore(readModels);
    await tick('a');
    await tick('b');
    engine = new ProjectionEngine(events, gate.store, [counters(1)], quiet, {
      now: () => Date.now() + 60_000,
    });
    await engine.start();

    const [status] = await engine.statuses();
    expect(status.eventsBehind).toBe(2);
    expect(status.msBehind).toBeGreaterThanOrEqual(60_000);
    gate.open();
  });

  it('rebuilds a new version beside the old one and switches reads once it has caught up', async () => {
    for (let i = 0; i < 20; i++) await tick(i % 2 ? 'a' : 'b');
    const v1 = await start(counters(1));
    expect(await v1.waitFor((await tick('a')).position, 5000)).toBe(true);
    expect(await ticksOf('a')).toBe(11);
    await v1.stop();

    const gate = gatedStore(readModels);
    const v2 = await start(counters(2, 10), gate.store);
    // While v2 is held back, queries keep reading v1's collection.
    expect(v2.collection('counters', 'counters')).toBe('counters_v1');
    expect(await ticksOf('a')).toBe(11);
    expect((await v2.statuses())[0]).toMatchObject({ version: 2, serving: false });

    gate.open();
    const last = await tick('a');
    expect(await v2.waitFor(last.position, 5000)).toBe(true);
    await waitFor(() => v2.collection('counters', 'counters') === 'counters_v2');
    expect(await ticksOf('a')).toBe(120);
    expect(await readModels.listCollections()).not.toContain('counters_v1');
    expect(await readModels.getCheckpoint('projection:counters_v1')).toBeNull();
  });
});

/** A read store whose batch writes wait until the test opens the gate. */
function gatedStore(store: ReadModelStore): { store: ReadModelStore; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const gated = Object.create(store) as ReadModelStore;
  gated.applyBatch = async (...args) => {
    await opened;
    return store.applyBatch(...args);
  };
  return { store: gated, open };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
