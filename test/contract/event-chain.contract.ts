import type { ChainSource } from '../../src/audit/chain-source';
import { LogVerifier } from '../../src/audit/log-verifier';
import type { EventStore } from '../../src/shared/eventstore/event-store.port';
import { describeSkippedContract } from '../support/contract';
import { collect, newEvent, uniqueStream } from '../support/events';

export interface ChainedStoreUnderTest {
  readonly store: EventStore;
  /** The same log read as the auditor's verifier reads it. */
  readonly source: () => ChainSource;
  dispose(): Promise<void>;
}

/**
 * Every adapter chains each event to the one before it in its stream, whatever way it was
 * appended, and the verifier checks the chain from what the adapter stored. The suite reads only
 * its own streams: a server may hold other data.
 */
export function describeEventChainContract(
  adapter: string,
  open: (() => Promise<ChainedStoreUnderTest>) | { skip: string },
): void {
  if ('skip' in open) return describeSkippedContract('event chain', adapter, open.skip);

  describe(`event chain contract: ${adapter}`, () => {
    let subject: ChainedStoreUnderTest;

    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => subject?.dispose());

    const verifyStreams = async (streams: readonly string[]) => {
      const source = subject.source();
      const verifier = new LogVerifier({
        digests: [],
        signingKey: null,
        digestEvery: null,
        densePositions: false,
      });
      const mine = new Set(streams);
      let hashed = 0;
      try {
        for await (const page of source.pages(500)) {
          for (const row of page) {
            if (!mine.has(row[1])) continue;
            if (row[4]) hashed += 1;
            verifier.add(row);
          }
        }
      } finally {
        await source.close();
      }
      return { ...verifier.finish(), hashed };
    };

    it('chains every event, however it was appended, and the chain verifies', async () => {
      const { store } = subject;
      const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()];
      await store.append(
        a,
        [newEvent('A1', { n: 1 }), newEvent('A2', { text: 'é ✓ "q"' })],
        'no_stream',
      );
      await store.append(a, [newEvent('A3', {})], 1);
      await store.append(a, [newEvent('A4', {})], 'any');
      await store.append(
        b,
        [
          {
            ...newEvent('B1', {}),
            metadata: { ...newEvent('x', {}).metadata, source: { app: 'cli' } },
          },
        ],
        'any',
      );
      await store.appendAll([
        { stream: b, events: [newEvent('B2', {})], expectedRevision: 0 },
        { stream: c, events: [newEvent('C1', { list: [1, 2, 3] })], expectedRevision: 'no_stream' },
      ]);

      const report = await verifyStreams([a, b, c]);
      expect(report).toMatchObject({ ok: true, events: 7, streams: 3, hashed: 7, findings: [] });
    });

    it('keeps the chain out of what readers see', async () => {
      const stream = uniqueStream();
      const event = newEvent('A', {});
      await subject.store.append(stream, [event], 'no_stream');
      const [read] = await subject.store.readStream(stream);
      expect(read.metadata).toEqual(event.metadata);
      const all = await collect(subject.store.readAll());
      expect(all.find((e) => e.id === event.id)?.metadata).toEqual(event.metadata);
    });

    it('keeps one chain when concurrent appends with `any` race for a stream', async () => {
      const stream = uniqueStream();
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          subject.store.append(stream, [newEvent('Raced', { i })], 'any'),
        ),
      );
      expect(await subject.store.readStream(stream)).toHaveLength(10);
      expect(await verifyStreams([stream])).toMatchObject({ ok: true, events: 10, hashed: 10 });
    });

    it('writes nothing again, and keeps the chain, when an append is retried', async () => {
      const stream = uniqueStream();
      const events = [newEvent('A', {}), newEvent('B', {})];
      const first = await subject.store.append(stream, events, 'no_stream');
      expect(await subject.store.append(stream, events, 'no_stream')).toEqual(first);
      await subject.store.append(stream, [newEvent('C', {})], 'any');
      expect(await verifyStreams([stream])).toMatchObject({ ok: true, events: 3 });
    });
  });
}
