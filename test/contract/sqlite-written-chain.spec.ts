import { join } from 'node:path';
import { SqliteChainSource } from '../../src/audit/sqlite-chain-source';
import { verifyLog } from '../../src/audit/verify-log';
import { WrongExpectedVersionError } from '../../src/shared/eventstore/event-store.errors';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { newEvent } from '../support/events';
import { tempDir } from '../support/temp-dir';

const KEY = 'a test signing key of at least 32 characters';
const EVERY = 5;

/**
 * The append path keeps the chain heads and the hashes to sign from what its own connection
 * wrote (WrittenChain): whatever another connection writes in between, or a conflict rolls back,
 * the log still verifies clean, with every digest in place.
 */
describe('the sqlite chain kept from what this connection wrote', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;

  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'events.sqlite');
  });
  afterEach(() => dir.remove());

  const open = () => new SqliteEventStore({ file, audit: { signingKey: KEY, digestEvery: EVERY } });
  const verify = async () => {
    const source = new SqliteChainSource(file);
    try {
      return await verifyLog(source, { signingKey: KEY, digestEvery: EVERY });
    } finally {
      await source.close();
    }
  };

  it('chains to what another connection appended to the same stream in between', async () => {
    const [one, other] = [open(), open()];
    await one.append('order-a', [newEvent('A', {}), newEvent('B', {})], 'no_stream');
    await other.append('order-a', [newEvent('C', {}), newEvent('D', {})], 1);
    await other.append('order-b', [newEvent('E', {})], 'no_stream');
    const result = await one.append('order-a', [newEvent('F', {}), newEvent('G', {})], 'any');
    await expect(one.append('order-a', [newEvent('H', {})], 3)).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await one.append('order-b', [newEvent('I', {})], 0);
    await Promise.all([one.close(), other.close()]);

    expect(result.nextExpectedRevision).toBe(5);
    expect(await verify()).toMatchObject({ ok: true, events: 8, digests: 1, findingsTotal: 0 });
  });

  it('signs digests over hashes of rolled back and concurrent appends correctly', async () => {
    const store = open();
    await store.append('order-a', [newEvent('A', {})], 'no_stream');
    // One group commit: a conflict rolls its savepoint back, its neighbours are written.
    await Promise.allSettled([
      store.append('order-b', [newEvent('B', {}), newEvent('C', {})], 'no_stream'),
      store.append('order-a', [newEvent('X', {})], 'no_stream'),
      store.appendAll([
        { stream: 'order-c', events: [newEvent('D', {})], expectedRevision: 'no_stream' },
        { stream: 'order-c', events: [newEvent('E', {})], expectedRevision: 0 },
      ]),
      store.append('order-a', [newEvent('F', {}), newEvent('G', {})], 0),
    ]);
    const other = open();
    await other.append('order-d', [newEvent('H', {})], 'no_stream');
    await other.close();
    for (let n = 0; n < 4; n++) await store.append('order-a', [newEvent('N', {})], 'any');
    await store.close();

    expect(await verify()).toMatchObject({ ok: true, events: 12, digests: 2, findingsTotal: 0 });
  });
});
