import { LogVerifier, type ChainRow } from '../../../src/audit/log-verifier';
import { ChainHasher, GENESIS_HASH, chainBody } from '../../../src/shared/eventstore/event-chain';
import { RunningHash, signDigest, type LogDigest } from '../../../src/shared/eventstore/log-digest';

const KEY = 'a unit test signing key, long enough';
const hasher = new ChainHasher();

/** A clean log: `streams` interleaved, `perStream` events each, chained as a store writes them. */
function cleanLog(streams: string[], perStream: number): ChainRow[] {
  const heads = new Map<string, string>();
  const rows: ChainRow[] = [];
  for (let revision = 0; revision < perStream; revision++) {
    for (const stream of streams) {
      const body = chainBody({
        id: `${stream}-${revision}`,
        type: 'Noted',
        data: JSON.stringify({ revision }),
        actor: 'test',
        correlationId: 'c',
        causationId: 'c',
        occurredAt: '2026-12-02T00:00:00.000Z',
        schemaVersion: 1,
        extraMetadata: null,
      });
      const hash = hasher.hashBody(stream, revision, body, heads.get(stream) ?? GENESIS_HASH);
      heads.set(stream, hash);
      rows.push([rows.length + 1, stream, revision, body, hash]);
    }
  }
  return rows;
}

function digestsOf(rows: readonly ChainRow[], every: number): LogDigest[] {
  const running = new RunningHash();
  const digests: LogDigest[] = [];
  for (const [position, , , , hash] of rows) {
    running.add(hash!);
    if (position % every === 0) {
      const runningHash = running.close();
      const signature = signDigest(KEY, position, runningHash);
      digests.push({ position, runningHash, signature, signedAt: 'then' });
    }
  }
  return digests;
}

function verify(rows: readonly ChainRow[], digests: LogDigest[] = []) {
  const verifier = new LogVerifier({
    digests,
    signingKey: KEY,
    digestEvery: digests.length > 0 ? 4 : null,
    densePositions: true,
  });
  for (const row of rows) verifier.add(row);
  return verifier.finish();
}

const kinds = (report: ReturnType<typeof verify>) =>
  report.findings.map(({ kind, stream, revision }) => [kind, stream, revision]);

describe('log verifier', () => {
  const log = cleanLog(['a', 'b'], 4);

  it('passes a clean log with its digests', () => {
    expect(verify(log, digestsOf(log, 4))).toMatchObject({
      ok: true,
      events: 8,
      streams: 2,
      digests: 2,
      unsealedEvents: 0,
    });
  });

  it('names a changed event and only that one: the chain goes on from what is stored', () => {
    const changed = log.map((row): ChainRow =>
      row[0] === 3 ? ([...row.slice(0, 3), `${row[3]} `, row[4]] as ChainRow) : row,
    );
    expect(kinds(verify(changed))).toEqual([['changed', 'a', 1]]);
  });

  it('names an event that came before its predecessor as moved', () => {
    const moved = [log[0], log[1], log[4], log[3], log[2], ...log.slice(5)].map(
      (row, i): ChainRow => [i + 1, row[1], row[2], row[3], row[4]],
    );
    expect(kinds(verify(moved))).toEqual([['reordered', 'a', 2]]);
  });

  it('names a removed event by stream and revision, and its empty position', () => {
    const removed = log.filter((row) => row[0] !== 5);
    expect(kinds(verify(removed))).toEqual([
      ['missing', undefined, undefined],
      ['missing', 'a', 2],
    ]);
  });

  it('names a second event at a revision as inserted', () => {
    const doubled = [...log, [9, 'b', 1, log[3][3], log[3][4]] as ChainRow];
    expect(kinds(verify(doubled))).toEqual([['inserted', 'b', 1]]);
  });

  it('names a digest that no longer matches, and one that is not signed with the key', () => {
    const digests = digestsOf(log, 4);
    const forged = [{ ...digests[0], runningHash: GENESIS_HASH }, digests[1]];
    expect(verify(log, forged).findings.map((f) => [f.kind, f.position])).toEqual([
      ['digest-signature', 4],
      ['digest-mismatch', 4],
    ]);
  });
});
