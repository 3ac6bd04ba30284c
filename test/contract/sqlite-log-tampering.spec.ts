import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/audit/log-verifier';
import { verifySqliteLogInParallel } from '../../src/audit/parallel-verification';
import { SqliteChainSource } from '../../src/audit/sqlite-chain-source';
import { verifyLog } from '../../src/audit/verify-log';
import { ChainHasher } from '../../src/shared/eventstore/event-chain';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { newEvent } from '../support/events';
import { tempDir } from '../support/temp-dir';

const KEY = 'a test signing key of at least 32 characters';
const EVERY = 10;
const STREAMS = ['order-a', 'order-b', 'order-c'];

/**
 * An auditor's guarantees, proven by editing the embedded store's file behind its back: each
 * kind of tampering is found and named by stream and revision (or by the digest it breaks).
 */
describe('tamper evidence of the sqlite event log', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;

  beforeEach(async () => {
    dir = tempDir();
    file = join(dir.path, 'events.sqlite');
    const store = new SqliteEventStore({ file, audit: { signingKey: KEY, digestEvery: EVERY } });
    // 3 streams x 10 events, interleaved as real traffic is: positions 1..30, digests at 10, 20, 30.
    for (let revision = 0; revision < 10; revision++) {
      for (const stream of STREAMS) {
        await store.append(
          stream,
          [newEvent('Noted', { note: `marker-${stream}-${revision}` })],
          'any',
        );
      }
    }
    await store.close();
  });
  afterEach(() => dir.remove());

  const verify = async (key = KEY) => {
    const source = new SqliteChainSource(file);
    try {
      return await verifyLog(source, { signingKey: key, digestEvery: EVERY });
    } finally {
      await source.close();
    }
  };
  const raw = (work: (db: Database.Database) => void) => {
    const db = new Database(file);
    try {
      work(db);
    } finally {
      db.close();
    }
  };
  const positionOf = (stream: string, revision: number) => {
    let position = 0;
    raw((db) => {
      position = db
        .prepare('SELECT position FROM events WHERE stream = ? AND revision = ?')
        .pluck()
        .get(stream, revision) as number;
    });
    return position;
  };
  const about = (findings: readonly Finding[]) =>
    findings.map(({ kind, stream, revision, position }) => ({ kind, stream, revision, position }));

  it('verifies a clean log: every chain and every signed digest', async () => {
    const report = await verify();
    expect(report).toMatchObject({
      ok: true,
      events: 30,
      streams: 3,
      digests: 3,
      unsealedEvents: 0,
      findings: [],
    });
  });

  it('finds a byte of data edited in the file and names its event', async () => {
    const position = positionOf('order-b', 4);
    const bytes = readFileSync(file);
    // Every copy: the file may also keep stale copies of the page that held it.
    let edited = 0;
    for (
      let at = bytes.indexOf('marker-order-b-4');
      at >= 0;
      at = bytes.indexOf('marker-order-b-4', at + 1)
    ) {
      bytes[at] = 'M'.charCodeAt(0);
      edited += 1;
    }
    expect(edited).toBeGreaterThan(0);
    writeFileSync(file, bytes);

    const report = await verify();
    expect(report.ok).toBe(false);
    expect(about(report.findings)).toEqual([
      { kind: 'changed', stream: 'order-b', revision: 4, position },
    ]);
  });

  it('finds a deleted event: its stream and revision, and the digest it breaks', async () => {
    const position = positionOf('order-a', 5);
    raw((db) => db.prepare('DELETE FROM events WHERE position = ?').run(position));

    const report = await verify();
    expect(about(report.findings)).toEqual(
      expect.arrayContaining([
        { kind: 'missing', stream: 'order-a', revision: 5, position: undefined },
        { kind: 'missing', stream: undefined, revision: undefined, position },
        { kind: 'digest-mismatch', stream: undefined, revision: undefined, position: 20 },
      ]),
    );
    // What follows the gap in its stream was not moved.
    expect(report.findings.filter((f) => f.kind === 'reordered')).toEqual([]);
    expect(report.findings.find((f) => f.kind === 'digest-mismatch')?.range).toEqual({
      from: 10,
      to: 20,
    });
  });

  it('finds two events of a stream swapped in the log', async () => {
    const [first, second] = [positionOf('order-c', 2), positionOf('order-c', 3)];
    raw((db) => swapPositions(db, first, second));

    const report = await verify();
    // The two sit in two digests' ranges (positions 9 and 12): both digests break.
    expect(about(report.findings)).toEqual([
      { kind: 'digest-mismatch', stream: undefined, revision: undefined, position: 10 },
      { kind: 'reordered', stream: 'order-c', revision: 3, position: first },
      { kind: 'digest-mismatch', stream: undefined, revision: undefined, position: 20 },
    ]);
    expect(second).toBe(12);
  });

  it('finds two events of different streams swapped, by the digest that covers them', async () => {
    const [first, second] = [positionOf('order-a', 7), positionOf('order-b', 7)];
    raw((db) => swapPositions(db, first, second));

    const report = await verify();
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'digest-mismatch', range: { from: 20, to: 30 } }),
    ]);
  });

  it('finds a forged event inserted into a stream, even one whose chain hash was forged too', async () => {
    const after = positionOf('order-b', 5);
    let position = 0;
    raw((db) => {
      // Make room as a careful forger would: later positions and revisions move up by one.
      db.exec(`UPDATE events SET position = -position WHERE position > ${after}`);
      db.exec(`UPDATE events SET position = 1 - position WHERE position < 0`);
      db.exec(`UPDATE events SET revision = -revision WHERE stream = 'order-b' AND revision > 5`);
      db.exec(
        `UPDATE events SET revision = 1 - revision WHERE stream = 'order-b' AND revision < 0`,
      );
      const previous = db
        .prepare("SELECT lower(hex(hash)) FROM events WHERE stream = 'order-b' AND revision = 5")
        .pluck()
        .get() as string;
      const forged = newEvent('Noted', { note: 'refund to the forger' });
      const data = JSON.stringify(forged.data);
      const m = forged.metadata;
      const hash = new ChainHasher().hash(
        {
          stream: 'order-b',
          revision: 6,
          ...forged,
          data,
          ...m,
          extraMetadata: null,
        },
        previous,
      );
      position = after + 1;
      db.prepare(
        `INSERT INTO events (position, event_id, stream, revision, type, data, actor,
           correlation_id, causation_id, occurred_at, schema_version, metadata_extra,
           recorded_at, hash)
         VALUES (?, ?, 'order-b', 6, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      ).run(
        position,
        forged.id,
        forged.type,
        data,
        m.actor,
        m.correlationId,
        m.causationId,
        m.occurredAt,
        m.schemaVersion,
        new Date().toISOString(),
        Buffer.from(hash, 'hex'),
      );
    });

    const report = await verify();
    expect(about(report.findings)).toEqual(
      expect.arrayContaining([{ kind: 'inserted', stream: 'order-b', revision: 6, position }]),
    );
    expect(report.findings.filter((f) => f.kind === 'changed')).toEqual([]);
  });

  it('finds an event written around the store, without a chain hash', async () => {
    raw((db) =>
      db.exec(`INSERT INTO events (position, event_id, stream, revision, type, data, actor,
          correlation_id, causation_id, occurred_at, schema_version, recorded_at)
        VALUES (31, 'e0000000-0000-4000-8000-000000000000', 'order-z', 0, 'Noted', '{}', 'x',
          'c', 'c', '2026-01-01T00:00:00Z', 1, '2026-01-01T00:00:00Z')`),
    );
    const report = await verify();
    expect(about(report.findings)).toEqual([
      { kind: 'inserted', stream: 'order-z', revision: 0, position: 31 },
    ]);
    expect(report.unsealedEvents).toBe(1);
  });

  it('finds a digest altered or removed', async () => {
    raw((db) => {
      db.exec('UPDATE audit_digests SET running_hash = randomblob(32) WHERE position = 20');
      db.exec('DELETE FROM audit_digests WHERE position = 30');
    });
    const report = await verify();
    expect(about(report.findings)).toEqual([
      { kind: 'digest-signature', stream: undefined, revision: undefined, position: 20 },
      { kind: 'digest-mismatch', stream: undefined, revision: undefined, position: 20 },
      { kind: 'digest-missing', stream: undefined, revision: undefined, position: 30 },
    ]);
  });

  it('refuses digests signed with another key', async () => {
    const report = await verify('another key, as a thief who made new digests would have');
    expect(report.findings.map((f) => f.kind)).toEqual([
      'digest-signature',
      'digest-signature',
      'digest-signature',
    ]);
  });

  it('seals the head on demand, and keeps signing every N events after it', async () => {
    const store = new SqliteEventStore({ file, audit: { signingKey: KEY, digestEvery: EVERY } });
    await store.append('order-a', [newEvent('Noted', {}), newEvent('Noted', {})], 'any');
    expect((await verify()).unsealedEvents).toBe(2);
    expect(await store.sealHead()).toMatchObject({ position: 32 });
    expect(await store.sealHead()).toBeNull();
    for (let n = 0; n < 9; n++) await store.append('order-d', [newEvent('Noted', {})], 'any');
    await store.close();

    expect(await verify()).toMatchObject({ ok: true, events: 41, digests: 5, unsealedEvents: 1 });
  });

  it('finds the same in worker threads, each over a range of the log cut at a digest', async () => {
    const deleted = positionOf('order-a', 5);
    const [first, second] = [positionOf('order-c', 8), positionOf('order-c', 9)];
    raw((db) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(deleted);
      swapPositions(db, first, second);
    });
    const inOneThread = await verify();
    const inThreads = await verifySqliteLogInParallel(file, {
      signingKey: KEY,
      digestEvery: EVERY,
      threads: 3,
      minEventsForThreads: 0,
    });
    const sorted = (findings: readonly Finding[]) =>
      about(findings).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(inThreads.findings)).toEqual(sorted(inOneThread.findings));
    expect(about(inThreads.findings)).toEqual(
      expect.arrayContaining([
        { kind: 'missing', stream: 'order-a', revision: 5, position: undefined },
        { kind: 'reordered', stream: 'order-c', revision: 9, position: first },
      ]),
    );
    expect(inThreads).toMatchObject({ events: 29, streams: 3, digests: 3 });
    // Each thread compiles the verifier with ts-node first: seconds on a busy machine.
  }, 60_000);

  it('chains a log written before the chain existed, once, when it is opened', async () => {
    raw((db) => {
      db.exec('ALTER TABLE events DROP COLUMN hash');
      db.exec('DROP TABLE audit_digests');
    });
    const store = new SqliteEventStore({ file, audit: { signingKey: KEY, digestEvery: EVERY } });
    await store.append('order-a', [newEvent('Noted', {})], 9);
    await store.close();

    expect(await verify()).toMatchObject({ ok: true, events: 31, digests: 3, findings: [] });
  });
});

function swapPositions(db: Database.Database, a: number, b: number): void {
  db.transaction(() => {
    db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
    db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
    db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
  })();
}
