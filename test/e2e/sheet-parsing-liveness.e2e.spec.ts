import { percentile } from '../bench/bench-table';
import { probeHealth } from '../support/health-prober';
import { callOk, signIn, startServerSession, type ServerSession } from '../support/server-session';
import { tempDir } from '../support/temp-dir';

const MB = 1 << 20;
/**
 * Generous: /health answers in a few milliseconds when idle. A sheet parsed on the thread that
 * answers HTTP held it 1-3 s (p99 993-2,181 ms for these sheets). What is left on the server's
 * thread is a pause of 250-630 ms when a 10 MB upload arriving in one burst is refused part-way
 * (its cause not found yet, issue 10); uploads here arrive in pieces, as over a network.
 */
const HEALTH_P99_BOUND_MS = 500;

interface HostileSheet {
  readonly kind: string;
  readonly content: () => Buffer;
  /** How the import ends, as it did before sheets were parsed on their own thread. */
  readonly outcome: (answer: { status: number; body: Record<string, unknown> }) => void;
}

const HEADER = 'SKU,Name,Cost,Retail\n';
const columns = 20_000;

const sheets: readonly HostileSheet[] = [
  {
    kind: '128 KB word cells',
    content: () =>
      Buffer.from(
        HEADER +
          Array.from(
            { length: 8 },
            (_, i) => `HS-${i},${'Kashanmedallion'.repeat(9_000).slice(0, 128_000 + i)},100,200`,
          ).join('\n') +
          '\nHS-9,Heriz,100,200\n',
      ),
    outcome: ({ status, body }) => {
      expect(status).toBe(201);
      expect(body.review).toMatchObject({ rows: 9, valid: 1, invalid: 8 });
    },
  },
  {
    kind: '10 MB unclosed quote',
    content: () =>
      Buffer.concat([
        Buffer.from(`${HEADER}HS-1,Kashan,100,200\nHS-2,"Tabriz`),
        Buffer.alloc(10 * MB, 'x,y\n'),
      ]),
    outcome: ({ status, body }) => {
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toMatch(/row 3 is longer than 1 MB/);
    },
  },
  {
    kind: '10 MB header line',
    content: () =>
      Buffer.concat([
        Buffer.from('SKU,Name,Cost,Retail,'),
        Buffer.alloc(10 * MB, 'x'),
        Buffer.from('\nHS-1,Kashan,100,200\n'),
      ]),
    outcome: ({ status, body }) => {
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toMatch(/the header row is longer than 1 MB/);
    },
  },
  {
    kind: '20,000 columns',
    content: () => {
      const extra = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
      const filler = ',1'.repeat(columns);
      const rows = Array.from(
        { length: 200 },
        (_, row) => `HS-${row},Kashan ${row},100,200${filler}`,
      );
      return Buffer.from(`SKU,Name,Cost,Retail,${extra}\n${rows.join('\n')}\n`);
    },
    outcome: ({ status, body }) => {
      expect(status).toBe(201);
      expect(body.review).toMatchObject({ rows: 200, valid: 200, invalid: 0 });
    },
  },
];

/**
 * Sheet parsing never runs on the thread that answers HTTP: whatever an uploaded sheet holds,
 * /health keeps answering in its usual time while the sheet is imported. A liveness property,
 * not a speed target: the bound is loose, the sheets are those that froze the server. The server
 * runs in its own process, so only its thread is measured, not this one building the upload.
 */
describe('the server stays responsive while hostile sheets are imported', () => {
  const dir = tempDir();
  let server: ServerSession;
  let token: string;
  let vendorId: string;

  /** Sent in 64 KB pieces, as a client on a network does (one 10 MB burst is issue 10's open item). */
  const upload = async (content: Buffer) => {
    const boundary = 'liveness-boundary';
    const head = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="vendorId"',
        '',
        vendorId,
        `--${boundary}`,
        'Content-Disposition: form-data; name="profile"',
        '',
        'plain',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="hostile.csv"',
        'Content-Type: text/csv',
        '',
        '',
      ].join('\r\n'),
    );
    const pieces = function* () {
      yield head;
      for (let at = 0; at < content.length; at += 64 * 1024)
        yield content.subarray(at, at + 64 * 1024);
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    };
    const response = await fetch(`${server.url}/catalog/imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: ReadableStream.from(pieces()),
      duplex: 'half',
    } as RequestInit);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startServerSession({ dataDir: dir.path, startTimeoutMs: 240_000 });
    token = await signIn(server.url);
    vendorId = (
      await callOk<{ id: string }>(server.url, 'POST', '/vendors', {
        token,
        body: { name: 'Hostile Sheets', leadTimeDays: 7, consolidation: 'daily' },
      })
    ).id;
    await callOk(server.url, 'PUT', `/vendors/${vendorId}/import-profiles/plain`, {
      token,
      body: {
        format: 'csv',
        currency: 'USD',
        columns: { vendorSku: 'SKU', name: 'Name', cost: 'Cost', retailPrice: 'Retail' },
      },
    });
    // A plain sheet first, so a first import's one-time costs are not measured.
    expect((await upload(Buffer.from(`${HEADER}HS-0,Heriz,100,200\n`))).status).toBe(201);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  }, 60_000);

  it.each(sheets.map((sheet) => [sheet.kind, sheet] as const))(
    'answers /health while a sheet of %s is imported',
    async (_kind, sheet) => {
      const content = sheet.content();
      const prober = probeHealth(() =>
        fetch(`${server.url}/health`).then((r) => {
          expect(r.status).toBe(200);
          return r.arrayBuffer();
        }),
      );
      const answer = await upload(content);
      const latencies = await prober.stop();
      sheet.outcome(answer);
      const sorted = latencies.sort((a, b) => a - b);
      expect(sorted.length).toBeGreaterThan(0);
      expect(percentile(sorted, 99)).toBeLessThan(HEALTH_P99_BOUND_MS);
    },
    120_000,
  );
});
