/**
 * `npm run bench`: measures the real stack on this machine and prints a table. Sizes are the
 * issue's own; `npm run bench -- --quick` runs a tenth of them to try the harness, and naming
 * suites (`npm run bench -- backorders`) runs only those: foundation, backorders, catalog, accounting.
 * Within foundation, `--only=append,read-all,replay,audit-verify` (any of them, plus `concurrent`)
 * runs only those rows; the log is filled whenever one of the last three is asked for.
 * Timings are printed here, never asserted in tests. It runs with the V8 flags `npm start` gives
 * the server (a 32 MB young generation: event processing allocates many short-lived objects).
 */
import { execFileSync, execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/server-session';
import { tempDir } from '../support/temp-dir';
import { type BenchRow, printTable, rate, thousands } from './bench-table';
import { benchBatchAppends, benchConcurrentAppends, fillLog } from './event-store.bench';
import { measureReadAll } from './read-all.bench';
import { benchBackorders } from './backorder-http.bench';
import { measureReplay } from './projection-replay.bench';
import { benchCatalog } from './catalog.bench';
import { benchCounterSearch } from './counter-search.bench';
import { benchThumbnail } from './thumbnail.bench';
import { benchAuditVerify } from './audit-verify.bench';
import { EVENTS_PER_ORDER, fillLedgerLog } from './ledger-log';
import { benchLedgerReplay, measureLedgerReplay } from './ledger-replay.bench';
import { parsePolicies } from '../../projections/accounting/recognition-policies';

const quick = process.argv.includes('--quick');
const scale = (n: number) => (quick ? n / 10 : n);
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const foundationRow = (name: string) => only === undefined || only.includes(name);
/** `--products=N`: the catalog suite on N products instead of 500,000 (a busy shared machine). */
const productsFlag = process.argv.find((a) => a.startsWith('--products='));

async function main(): Promise<void> {
  if (process.argv[2] === '--read-all-child') {
    process.stdout.write(JSON.stringify(await measureReadAll(process.argv[3])));
    return;
  }
  if (process.argv[2] === '--ledger-replay-child') {
    const policies = parsePolicies(process.argv[4]) ?? [];
    const thread = process.argv[5] === 'thread';
    process.stdout.write(
      JSON.stringify(await measureLedgerReplay(process.argv[3], policies, thread)),
    );
    return;
  }
  const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const runs = (suite: string) => named.length === 0 || named.includes(suite);
  const dir = tempDir('backorder-ledger-bench-');
  // Ctrl-C or a kill leaves no gigabytes of bench data behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      dir.remove();
      process.exit(130);
    });
  }
  const rows: BenchRow[] = [];
  const step = (text: string) => process.stderr.write(`${text}\n`);
  try {
    if (runs('foundation')) rows.push(...(await foundation(dir.path, step)));
    if (runs('backorders')) {
      step('building the server ...');
      execSync('npx nest build', { stdio: 'inherit' });
      const options = {
        dataDir: join(dir.path, 'server'),
        port: await freePort(),
        seconds: quick ? 10 : 60,
        logSize: scale(1_000_000),
      };
      rows.push(...(await benchBackorders(options, step)));
    }
    if (runs('catalog')) {
      step('building the server and the web app ...');
      execSync('npx nest build && npm run build:web', { stdio: 'inherit' });
      const options = {
        dataDir: join(dir.path, 'catalog-server'),
        sheetsDir: join(dir.path, 'catalog-sheets'),
        vendors: 12,
        products: productsFlag ? Number(productsFlag.split('=')[1]) : scale(500_000),
        queries: 1_000,
      };
      rows.push(
        ...(await benchCatalog(options, step, (server, products) =>
          benchCounterSearch(server, products, step),
        )),
      );
      step('making the thumbnail and medium size of a 6000x4000 JPEG ...');
      rows.push(...(await benchThumbnail()));
    }
    if (runs('accounting')) {
      const orders = scale(1_000_000) / EVENTS_PER_ORDER;
      const log = join(dir.path, 'ledger.sqlite');
      step(`filling a log with ${thousands(orders)} money stories ...`);
      await fillLedgerLog(log, orders);
      step('replaying the ledger ...');
      rows.push(...benchLedgerReplay(log, __filename));
    }
  } finally {
    dir.remove();
  }
  process.stdout.write(`\n${printTable(rows)}\n\nmachine: ${machine()}\n`);
}

async function foundation(dir: string, step: (text: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (foundationRow('append')) {
    step('appending in batches of 100 ...');
    rows.push(await benchBatchAppends(dir, scale(200_000)));
  }
  if (foundationRow('concurrent')) {
    step('appending from 100 concurrent callers ...');
    rows.push(await benchConcurrentAppends(dir, scale(100_000)));
  }
  if (!['read-all', 'replay', 'audit-verify'].some(foundationRow)) return rows;

  const total = scale(1_000_000);
  const log = join(dir, 'million.sqlite');
  step(`filling a log of ${thousands(total)} events ...`);
  await fillLog(log, total);

  let readMs: number | null = null;
  if (foundationRow('read-all')) {
    step('reading the whole log ...');
    const read = readAllInChild(log);
    readMs = read.ms;
    const readRate = rate(read.events, read.ms);
    rows.push({
      benchmark: `readAll with JSON decode (${thousands(read.events)} events)`,
      target: '>= 300,000 events/s, RSS growth < 200 MB',
      measured: `${thousands(readRate)} events/s, RSS growth ${read.rssGrowthMb.toFixed(0)} MB`,
      met: readRate >= 300_000 && read.rssGrowthMb < 200,
    });
  }

  if (foundationRow('replay')) {
    step('replaying the log through the projection engine ...');
    const replay = await measureReplay(log, dir);
    const replayRate = rate(replay.events, replay.ms);
    const ratio =
      readMs === null ? '' : `; replay time / readAll time = ${(replay.ms / readMs).toFixed(2)}`;
    rows.push({
      benchmark: `projection replay into sqlite read store, count per stream (${thousands(replay.events)} events, ${thousands(replay.streams)} streams)`,
      target: '>= 100,000 events/s',
      measured: `${thousands(replayRate)} events/s${ratio}`,
      met: replayRate >= 100_000,
    });
  }

  if (foundationRow('audit-verify')) {
    step('verifying every chain and signed digest of the log ...');
    // One thread first: the figure the worker threads are measured against.
    rows.push(benchAuditVerify(log, 0));
    rows.push(benchAuditVerify(log, 2));
  }
  return rows;
}

function readAllInChild(file: string) {
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', __filename, '--read-all-child', file],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(output) as Awaited<ReturnType<typeof measureReadAll>>;
}

function machine(): string {
  return `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
