import {
  comparePositions,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '../../src/shared/eventstore/event-envelope';
import {
  InvalidAppendError,
  WrongExpectedVersionError,
} from '../../src/shared/eventstore/event-store.errors';
import type { EventStore, EventSubscription } from '../../src/shared/eventstore/event-store.port';
import { describeSkippedContract } from '../support/contract';
import { collect, metadata, newEvent, uniqueStream } from '../support/events';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Releases the store and whatever the factory created for it. */
  dispose(): Promise<void>;
}

/**
 * The behaviour every event store adapter must show. Written once, run against each adapter.
 * Tests share one store (a server may hold other data), so each works on streams of its own and
 * reads the global log from the head it saw before it started.
 */
export function describeEventStoreContract(
  adapter: string,
  open: (() => Promise<EventStoreUnderTest>) | { skip: string },
): void {
  if ('skip' in open) return describeSkippedContract('event store', adapter, open.skip);

  describe(`event store contract: ${adapter}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => subject?.dispose());

    const headNow = async (): Promise<Position | 'start'> =>
      (await store.head())?.position ?? 'start';

    const appendOne = (stream: string, expected: Parameters<EventStore['append']>[2], data = {}) =>
      store.append(stream, [newEvent('Noted', data)], expected);

    describe('append and readStream', () => {
      it('records the full envelope of each event', async () => {
        const stream = uniqueStream();
        const event = newEvent('ThingHappened', { amount: 1250, tags: ['a', 'b'] });
        const result = await store.append(stream, [event], 'no_stream');

        expect(result.nextExpectedRevision).toBe(0);
        const [recorded] = await store.readStream(stream);
        expect(recorded).toEqual({
          id: event.id,
          type: 'ThingHappened',
          data: { amount: 1250, tags: ['a', 'b'] },
          metadata: event.metadata,
          stream,
          revision: 0,
          position: result.position,
          recordedAt: expect.any(String),
        });
        expect(Number.isNaN(Date.parse(recorded.recordedAt))).toBe(false);
      });

      it('keeps metadata beyond the standard fields', async () => {
        const stream = uniqueStream();
        const event = {
          ...newEvent('A', {}),
          metadata: metadata({ idempotencyKey: 'k-1', source: { app: 'cli' } }),
        };
        await store.append(stream, [event], 'no_stream');
        expect((await store.readStream(stream))[0].metadata).toEqual(event.metadata);
      });

      it('appends several events atomically with consecutive revisions', async () => {
        const stream = uniqueStream();
        const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 }), newEvent('C', { n: 3 })];
        const result = await store.append(stream, events, 'no_stream');

        expect(result.nextExpectedRevision).toBe(2);
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0],
          ['B', 1],
          ['C', 2],
        ]);
        expect(read[2].position).toEqual(result.position);
      });

      it('checks the expected revision: no_stream, exact and any', async () => {
        const stream = uniqueStream();
        await appendOne(stream, 'no_stream');

        await expect(appendOne(stream, 'no_stream')).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await expect(appendOne(stream, 5)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(appendOne(uniqueStream(), 0)).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        expect((await appendOne(stream, 0)).nextExpectedRevision).toBe(1);
        expect((await appendOne(stream, 'any')).nextExpectedRevision).toBe(2);
        expect((await appendOne(uniqueStream(), 'any')).nextExpectedRevision).toBe(0);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('lets exactly one of 50 concurrent appends at the same revision win', async () => {
        const stream = uniqueStream();
        await appendOne(stream, 'no_stream');

        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) => appendOne(stream, 0, { contender: i })),
        );

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('treats a retried append with the same event ids as done: same result, nothing new', async () => {
        const stream = uniqueStream();
        const events = [newEvent('A', {}), newEvent('B', {})];
        const first = await store.append(stream, events, 'no_stream');

        const retry = await store.append(stream, events, 'no_stream');

        expect(retry).toEqual(first);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      });

      it('rejects events without who, when, correlation and causation, writing nothing', async () => {
        const stream = uniqueStream();
        const { actor: _actor, ...withoutActor } = metadata();
        const bad = { ...newEvent('A', {}), metadata: withoutActor } as unknown as NewEvent;

        await expect(store.append(stream, [bad], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(
          store.append(stream, [{ ...newEvent('A', {}), id: 'not-a-uuid' }], 'any'),
        ).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('appendAll', () => {
      it('appends to several streams and answers in their order', async () => {
        const [a, b] = [uniqueStream(), uniqueStream()];
        await appendOne(b, 'no_stream');
        const results = await store.appendAll([
          {
            stream: a,
            events: [newEvent('A1', {}), newEvent('A2', {})],
            expectedRevision: 'no_stream',
          },
          { stream: b, events: [newEvent('B2', {})], expectedRevision: 0 },
        ]);

        expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 1]);
        expect(comparePositions(results[0].position, results[1].position)).toBeLessThan(0);
        expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A1', 'A2']);
        expect((await store.readStream(b)).map((e) => e.type)).toEqual(['Noted', 'B2']);
      });

      it('writes nothing again when called again with the same events', async () => {
        const [a, b] = [uniqueStream(), uniqueStream()];
        const appends = [
          { stream: a, events: [newEvent('A', {})], expectedRevision: 'no_stream' as const },
          { stream: b, events: [newEvent('B', {})], expectedRevision: 'no_stream' as const },
        ];
        const first = await store.appendAll(appends);
        const again = await store.appendAll(appends);

        expect(again.map((r) => r.nextExpectedRevision)).toEqual(
          first.map((r) => r.nextExpectedRevision),
        );
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toHaveLength(1);
      });

      it('fails on a conflict in any stream', async () => {
        const [a, b] = [uniqueStream(), uniqueStream()];
        await appendOne(b, 'no_stream');
        await expect(
          store.appendAll([
            { stream: a, events: [newEvent('A', {})], expectedRevision: 'no_stream' },
            { stream: b, events: [newEvent('B', {})], expectedRevision: 'no_stream' },
          ]),
        ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      });
    });

    describe('readStream options', () => {
      const stream = uniqueStream();
      beforeAll(async () => {
        await store.append(
          stream,
          Array.from({ length: 10 }, (_, n) => newEvent('N', { n })),
          'no_stream',
        );
      });
      const ns = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);

      it('reads forwards from a revision with a limit', async () => {
        expect(ns(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(ns(await store.readStream(stream, { from: 4, limit: 3 }))).toEqual([4, 5, 6]);
      });

      it('reads backwards from the end or from a revision', async () => {
        expect(ns(await store.readStream(stream, { direction: 'backwards', limit: 3 }))).toEqual([
          9, 8, 7,
        ]);
        expect(
          ns(await store.readStream(stream, { direction: 'backwards', from: 2, limit: 10 })),
        ).toEqual([2, 1, 0]);
      });

      it("reads from 'start' and 'end' in either direction", async () => {
        expect(ns(await store.readStream(stream, { from: 'start', limit: 2 }))).toEqual([0, 1]);
        expect(ns(await store.readStream(stream, { from: 'end' }))).toEqual([]);
        expect(
          ns(await store.readStream(stream, { from: 'end', direction: 'backwards', limit: 2 })),
        ).toEqual([9, 8]);
        expect(
          ns(await store.readStream(stream, { from: 'start', direction: 'backwards' })),
        ).toEqual([0]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(uniqueStream('missing'))).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('pages through 10,000 events in global order', async () => {
        const from = await headNow();
        const stream = uniqueStream('bulk');
        for (let batch = 0; batch < 100; batch++) {
          await store.append(
            stream,
            Array.from({ length: 100 }, (_, i) => newEvent('Bulk', { n: batch * 100 + i })),
            'any',
          );
        }

        const mine = (await collect(store.readAll({ from, pageSize: 333 }))).filter(
          (e) => e.stream === stream,
        );

        expect(mine).toHaveLength(10_000);
        mine.forEach((event, i) => {
          expect((event.data as { n: number }).n).toBe(i);
          expect(event.revision).toBe(i);
          if (i > 0)
            expect(comparePositions(event.position, mine[i - 1].position)).toBeGreaterThan(0);
        });
      });

      it('stops at the limit and resumes strictly after a position', async () => {
        const from = await headNow();
        const stream = uniqueStream();
        await store.append(
          stream,
          Array.from({ length: 5 }, (_, n) => newEvent('N', { n })),
          'no_stream',
        );

        const firstTwo = await collect(store.readAll({ from, limit: 2 }));
        expect(firstTwo.map((e) => e.revision)).toEqual([0, 1]);
        const rest = (await collect(store.readAll({ from: firstTwo[1].position }))).filter(
          (e) => e.stream === stream,
        );
        expect(rest.map((e) => e.revision)).toEqual([2, 3, 4]);
      });

      it('keeps the order of appends across streams', async () => {
        const from = await headNow();
        const streams = [uniqueStream(), uniqueStream(), uniqueStream()];
        const written: string[] = [];
        for (let i = 0; i < 12; i++) {
          const event = newEvent('Step', { i });
          await store.append(streams[i % 3], [event], 'any');
          written.push(event.id);
        }

        const read = (await collect(store.readAll({ from }))).filter((e) =>
          streams.includes(e.stream),
        );
        expect(read.map((e) => e.id)).toEqual(written);
      });

      it('reports the head and counts the events after a position', async () => {
        const from = await headNow();
        const result = await store.append(
          uniqueStream(),
          [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})],
          'no_stream',
        );
        const head = await store.head();
        expect(head?.position).toEqual(result.position);
        expect(await store.countAfter(from, 1000)).toBeGreaterThanOrEqual(3);
        expect(await store.countAfter(from, 2)).toBe(2);
        expect(await store.countAfter(result.position, 1000)).toBe(0);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then delivers live events, then resumes from a checkpoint', async () => {
        const from = await headNow();
        const stream = uniqueStream('sub');
        await store.append(stream, [newEvent('E', { n: 0 }), newEvent('E', { n: 1 })], 'no_stream');

        const first = store.subscribeToAll({ from });
        const seen: RecordedEvent[] = [];
        const reading = takeEvents(first, seen, (e) => e.stream === stream, 5);
        await waitUntil(() => seen.length >= 2);
        await store.append(stream, [newEvent('E', { n: 2 })], 1);
        await store.append(stream, [newEvent('E', { n: 3 }), newEvent('E', { n: 4 })], 2);
        await reading;
        expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);

        await store.append(stream, [newEvent('E', { n: 5 })], 4);
        const resumed: RecordedEvent[] = [];
        await takeEvents(
          store.subscribeToAll({ from: seen[2].position }),
          resumed,
          (e) => e.stream === stream,
          3,
        );
        expect(resumed.map((e) => (e.data as { n: number }).n)).toEqual([3, 4, 5]);
      });

      it('delivers concurrent appends to many streams with no gap and in strictly rising order', async () => {
        const from = await headNow();
        const streams = Array.from({ length: 10 }, () => uniqueStream('race'));
        const subscription = store.subscribeToAll({ from, maxBatchSize: 7 });
        const delivered: RecordedEvent[] = [];
        const reading = takeEvents(subscription, delivered, (e) => streams.includes(e.stream), 200);

        await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            store.append(streams[i % 10], [newEvent('Raced', { i })], 'any'),
          ),
        );
        await reading;

        for (let i = 1; i < delivered.length; i++) {
          expect(
            comparePositions(delivered[i].position, delivered[i - 1].position),
          ).toBeGreaterThan(0);
        }
        const logged = (await collect(store.readAll({ from }))).filter((e) =>
          streams.includes(e.stream),
        );
        expect(delivered.map((e) => e.id)).toEqual(logged.map((e) => e.id));
      });

      it('ends a waiting iteration when closed', async () => {
        const subscription = store.subscribeToAll({ from: await headNow() });
        const iterating = (async () => {
          let batches = 0;
          for await (const _batch of subscription) batches += 1;
          return batches;
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        await expect(iterating).resolves.toBeGreaterThanOrEqual(0);
      });
    });
  });
}

/** Reads a subscription until `count` matching events arrived, then closes it. */
async function takeEvents(
  subscription: EventSubscription,
  into: RecordedEvent[],
  matches: (event: RecordedEvent) => boolean,
  count: number,
  timeoutMs = 10_000,
): Promise<void> {
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const batch of subscription) {
      for (const event of batch) if (matches(event)) into.push(event);
      if (into.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  if (into.length < count) throw new Error(`only ${into.length} of ${count} events arrived`);
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
