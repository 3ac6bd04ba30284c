/**
 * `npm run bench:sheets`: the worst sheet of each kind uploaded to the real server (a child
 * process, as `npm start` runs it), measuring what it does to the server while it is imported:
 * its peak RSS (sampled from /proc every 20 ms) and how long /health takes to answer (asked every
 * 50 ms). Printed, never asserted. `--quick` uses a tenth of the sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callOk, signIn, startServerSession, type ServerSession } from '../support/server-session';
import { tempDir } from '../support/temp-dir';
import { percentile } from './bench-table';

const quick = process.argv.includes('--quick');
const MB = 1 << 20;
const scale = (bytes: number) => Math.round(quick ? bytes / 10 : bytes);

interface HostileSheet {
  readonly kind: string;
  readonly bytes: number;
  /** The sheet, chunk by chunk: never held whole by the benchmark either. */
  chunks(): Iterable<Buffer>;
}

const HEADER = 'SKU,Name,Cost,Retail\n';
const repeat = function* (text: string, total: number): Iterable<Buffer> {
  const chunk = Buffer.from(text.repeat(Math.max(1, Math.floor(MB / text.length))));
  for (let sent = 0; sent < total; sent += chunk.length) {
    yield sent + chunk.length <= total ? chunk : chunk.subarray(0, total - sent);
  }
};

const sheets: readonly HostileSheet[] = [
  {
    kind: 'long name cell (no digits)',
    bytes: scale(10 * MB),
    *chunks() {
      yield Buffer.from(`${HEADER}HS-1,`);
      yield* repeat('Kashanmedallion', this.bytes);
      yield Buffer.from(',100,200\nHS-2,Heriz,100,200\n');
    },
  },
  {
    kind: 'unclosed quote',
    bytes: scale(100 * MB),
    *chunks() {
      yield Buffer.from(`${HEADER}HS-1,Kashan,100,200\nHS-2,"Tabriz`);
      yield* repeat('x,y\n', this.bytes);
    },
  },
  {
    kind: 'huge header line',
    bytes: scale(10 * MB),
    *chunks() {
      yield Buffer.from('SKU,Name,Cost,Retail,');
      yield* repeat('x', this.bytes);
      yield Buffer.from('\nHS-1,Kashan,100,200\n');
    },
  },
  {
    kind: 'many columns (20,000 x 2,000 rows)',
    bytes: 0,
    *chunks() {
      const columns = quick ? 2_000 : 20_000;
      const extra = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
      yield Buffer.from(`SKU,Name,Cost,Retail,${extra}\n`);
      const filler = ',1'.repeat(columns);
      for (let row = 0; row < 2_000; row++) {
        yield Buffer.from(`HS-${row},Kashan ${row},100,200${filler}\n`);
      }
    },
  },
];

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function upload(
  server: ServerSession,
  token: string,
  vendorId: string,
  sheet: HostileSheet,
): Promise<{ status: number; answer: string; ms: number }> {
  const boundary = 'hostile-sheet-boundary';
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
  const parts = function* () {
    yield head;
    yield* sheet.chunks();
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  };
  const started = performance.now();
  const response = await fetch(`${server.url}/catalog/imports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: ReadableStream.from(parts()),
    duplex: 'half',
  } as RequestInit);
  const answer = await response.text();
  return { status: response.status, answer, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const dir = tempDir('backorder-ledger-sheets-');
  const server = await startServerSession({
    dataDir: join(dir.path, 'server'),
    startTimeoutMs: 240_000,
    env: { LOG_LEVEL: 'error' },
  });
  const rows: string[] = [];
  try {
    const token = await signIn(server.url);
    const vendor = await callOk<{ id: string }>(server.url, 'POST', '/vendors', {
      token,
      body: { name: 'Hostile Sheets', leadTimeDays: 7, consolidation: 'daily' },
    });
    await callOk(server.url, 'PUT', `/vendors/${vendor.id}/import-profiles/plain`, {
      token,
      body: {
        format: 'csv',
        currency: 'USD',
        columns: { vendorSku: 'SKU', name: 'Name', cost: 'Cost', retailPrice: 'Retail' },
      },
    });
    const idleRss = rssOf(server.pid);
    for (const sheet of sheets) {
      let peak = rssOf(server.pid);
      const latencies: number[] = [];
      let importing = true;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssOf(server.pid));
      }, 20);
      const prober = (async () => {
        while (importing) {
          const started = performance.now();
          await fetch(`${server.url}/health`).then((r) => r.arrayBuffer());
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const result = await upload(server, token, vendor.id, sheet);
      importing = false;
      await prober;
      clearInterval(sampler);
      const sorted = [...latencies].sort((a, b) => a - b);
      const outcome = `${result.status} ${result.answer.replace(/\s+/g, ' ').slice(0, 90)}`;
      process.stderr.write(`${sheet.kind}: ${outcome}\n`);
      rows.push(
        `| ${sheet.kind} | ${(result.ms / 1000).toFixed(1)} s | ${result.status} | ${Math.round(peak / MB)} MB | ${percentile(sorted, 99).toFixed(0)} ms | ${(sorted.at(-1) ?? 0).toFixed(0)} ms | ${sorted.length} |`,
      );
    }
    process.stdout.write(
      [
        `server RSS before the sheets: ${Math.round(idleRss / MB)} MB${quick ? ' (--quick: a tenth of the sizes)' : ''}`,
        '| sheet | import took | status | peak RSS | /health p99 | /health max | /health samples |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop();
    dir.remove();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
