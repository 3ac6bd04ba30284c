import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  EventIdConflictError,
  WrongExpectedVersionError,
} from '../../src/shared/eventstore/event-store.errors';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { collect, newEvent, uniqueStream } from '../support/events';
import { tempDir } from '../support/temp-dir';

/** Behaviour particular to the embedded adapter: files, processes and crashes. */
describe('sqlite event store', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;

  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'events.sqlite');
  });
  afterEach(() => dir.remove());

  it('keeps what it acknowledged across a reopen', async () => {
    const first = new SqliteEventStore({ file });
    const stream = uniqueStream();
    await first.append(stream, [newEvent('A', {}), newEvent('B', {})], 'no_stream');
    await first.close();

    const second = new SqliteEventStore({ file });
    expect((await second.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
    await second.close();
  });

  it('appends several streams all or nothing: a conflict in one leaves every stream untouched', async () => {
    const store = new SqliteEventStore({ file });
    const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()];
    await store.append(c, [newEvent('C', {})], 'no_stream');
    const neighbour = store.append(uniqueStream(), [newEvent('N', {})], 'no_stream');

    await expect(
      store.appendAll([
        { stream: a, events: [newEvent('A', {})], expectedRevision: 'no_stream' },
        { stream: b, events: [newEvent('B', {})], expectedRevision: 'no_stream' },
        { stream: c, events: [newEvent('C2', {})], expectedRevision: 'no_stream' },
      ]),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);

    expect(await store.readStream(a)).toEqual([]);
    expect(await store.readStream(b)).toEqual([]);
    expect(await store.readStream(c)).toHaveLength(1);
    // Another caller in the same group commit is not failed by this one's conflict.
    await expect(neighbour).resolves.toMatchObject({ nextExpectedRevision: 0 });
    const retried = await store.appendAll([
      { stream: a, events: [newEvent('A', {})], expectedRevision: 'no_stream' },
      { stream: c, events: [newEvent('C2', {})], expectedRevision: 0 },
    ]);
    expect(retried.map((r) => r.nextExpectedRevision)).toEqual([0, 1]);
    await store.close();
  });

  it('refuses event ids already used by another stream or in another order', async () => {
    const store = new SqliteEventStore({ file });
    const a = newEvent('A', {});
    const b = newEvent('B', {});
    await store.append('one', [a, b], 'no_stream');

    await expect(store.append('two', [a], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('one', [b, a], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('one', [newEvent('C', {}), a], 'any')).rejects.toBeInstanceOf(
      EventIdConflictError,
    );
    expect(await store.readStream('two')).toEqual([]);
    expect(await store.readStream('one')).toHaveLength(2);
    await store.close();
  });

  it('fails one caller of a group commit without failing the others', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('taken', [newEvent('A', {})], 'no_stream');
    const outcomes = await Promise.allSettled([
      store.append('free-1', [newEvent('A', {})], 'no_stream'),
      store.append('taken', [newEvent('B', {})], 'no_stream'),
      store.append('free-2', [newEvent('A', {})], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream('taken')).toHaveLength(1);
    await store.close();
  });

  it('delivers appends made by another process to a live subscription, in order', async () => {
    const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
    await store.append('local', [newEvent('Local', {})], 'no_stream');
    const subscription = store.subscribeToAll();
    const delivered: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const batch of subscription) {
        delivered.push(...batch.filter((e) => e.type === 'WorkerAppended'));
        if (delivered.length >= 300) break;
      }
    })();

    const ids = await runAppendWorker(file, 'remote', 300, 4);
    await reading;
    await subscription.close();

    expect(delivered.map((e) => e.id).sort()).toEqual([...ids].sort());
    const logged = (await collect(store.readAll())).filter((e) => e.type === 'WorkerAppended');
    expect(delivered.map((e) => e.id)).toEqual(logged.map((e) => e.id));
    await store.close();
  });

  it('sees what another process appended to a stream it had already read to its end', async () => {
    const store = new SqliteEventStore({ file });
    expect(await store.readStream('remote-3')).toEqual([]);
    await store.append('local', [newEvent('Local', {})], 'no_stream');
    expect(await store.readStream('local', { from: 1 })).toEqual([]);

    await runAppendWorker(file, 'remote', 20, 1);

    expect((await store.readStream('remote-3')).map((e) => e.revision)).toEqual([0, 1]);
    await store.close();
  });

  it('answers a retried append without taking its old revision for the stream head', async () => {
    const store = new SqliteEventStore({ file });
    const first = newEvent('A', {});
    await store.append('s', [first], 'no_stream');
    await store.append('s', [newEvent('B', {})], 0);
    await store.append('s', [first], 'no_stream');
    expect((await store.readStream('s', { from: 1 })).map((e) => e.type)).toEqual(['B']);
    await store.close();
  });

  it('keeps every acknowledged append when its process is killed with SIGKILL', async () => {
    const acknowledged = await runAppendWorker(file, 'crash', 1_000_000, 20, { killAfter: 500 });
    expect(acknowledged.length).toBeGreaterThanOrEqual(500);

    const store = new SqliteEventStore({ file });
    const stored = new Set(
      (await collect(store.readAll())).filter((e) => e.type === 'WorkerAppended').map((e) => e.id),
    );
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
    await store.close();
  });
});

/** Runs test/support/append-worker.ts and returns the ids it acknowledged on stdout. */
function runAppendWorker(
  file: string,
  stream: string,
  count: number,
  concurrency: number,
  options: { killAfter?: number } = {},
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, '../support/append-worker.ts'),
        file,
        stream,
        String(count),
        String(concurrency),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const ids: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      ids.push(...lines.filter(Boolean));
      if (options.killAfter && ids.length >= options.killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 || signal === 'SIGKILL') resolve(ids);
      else reject(new Error(`append worker exited with ${code ?? signal}`));
    });
  });
}
