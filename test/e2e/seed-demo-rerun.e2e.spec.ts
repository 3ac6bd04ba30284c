import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { userIdOf } from '../../src/auth/user-id';
import { streams } from '../../src/shared/eventstore/stream-names';
import { SeedRefused, seedDemo } from '../../scripts/seed-demo';
import { readJournal } from '../../scripts/seed/seed-journal';
import { signInBlock } from '../support/readme-sign-in-block';
import { INITIAL_ADMIN_PASSWORD, startServerSession } from '../support/server-session';
import { tempDir } from '../support/temp-dir';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const SHAPE = { products: 100, customers: 20, seed: 3 };
const OPTIONS = { ...SHAPE, force: false };
const ARGS = ['--products', '100', '--customers', '20', '--seed', '3'];
/** Where the seed is told the server will answer: not the default, so the hints must follow it. */
const HOST = '127.0.0.1';
const PORT = '4731';

/** `npm run seed:demo` as a reader runs it, on a data folder, with HOST and PORT set. */
async function runSeed(dataDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/seed-demo.ts', ...ARGS],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        DATA_DIR: dataDir,
        HOST,
        PORT,
        LOG_LEVEL: 'error',
      },
      timeout: 540_000,
    },
  );
  return stdout;
}

/** The "orders: N (…)" and "lines by status" lines of a printed report. */
function printedTallies(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\s+(orders|lines by status):/.test(line));
}

describe('npm run seed:demo after the README, run twice, and stopped half-way', () => {
  const dir = tempDir();
  let printed = '';
  let t: TestApp;

  beforeAll(async () => {
    // The README's sign-in steps, with the user they make named like the demo's salesperson.
    const server = await startServerSession({ dataDir: dir.path, startTimeoutMs: 120_000 });
    try {
      const block = signInBlock()
        .replace('BASE=http://localhost:3000', `BASE=${server.url}`)
        .replace('<the printed password>', INITIAL_ADMIN_PASSWORD)
        .replace(/"username":"\w+"/, '"username":"maria"');
      execFileSync('bash', ['-e', '-o', 'pipefail', '-c', block], { timeout: 60_000 });
    } finally {
      await server.stop();
    }
    printed = await runSeed(dir.path);
    t = await startTestApp({}, dir.path);
    // A server, the seed's own process and an app, each compiled by ts-node on a shared machine.
  }, 600_000);

  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  it('completes without touching the user the README made', async () => {
    expect(readJournal(dir.path)?.completedAt).toEqual(expect.any(String));
    const maria = await t.events.readStream(streams.user(userIdOf('maria')));
    expect(maria.length).toBeGreaterThan(0);
    expect(maria.map((event) => event.metadata.actor)).not.toContain('seed');
    expect(readJournal(dir.path)?.staff.maria).toBe('maria-demo');
    const demoMaria = await t.events.readStream(streams.user(userIdOf('maria-demo')));
    expect(demoMaria[0].metadata.actor).toBe('seed');
  });

  it('prints its hints for the configured host and port, and the staff it renamed', () => {
    expect(printed).toContain(`GET http://${HOST}:${PORT}/lookup?q=`);
    expect(printed).toContain(`http://${HOST}:${PORT}/docs`);
    expect(printed).not.toContain('localhost:3000');
    expect(printed).toContain('maria-demo (maria was taken)');
  });

  it('refuses a second run before writing anything, naming the way out', async () => {
    const before = await eventCount(t.events);
    const refusal = seedDemo(t.app, OPTIONS);
    await expect(refusal).rejects.toThrow(SeedRefused);
    await expect(refusal).rejects.toThrow(/empty folder.*--force/);
    expect(await eventCount(t.events)).toBe(before);
  });

  it('completes a seed that stopped half-way when run again, and only then', async () => {
    const fresh = await startTestApp();
    try {
      const stop = async (step: string) => {
        if (step === 'the first receipts') throw new Error('stopped here');
      };
      await expect(seedDemo(fresh.app, { ...OPTIONS, afterStep: stop })).rejects.toThrow(
        'stopped here',
      );
      const stopped = await eventCount(fresh.events);
      // Other options would make another shop on top of the half one: refused, way out named.
      const other = seedDemo(fresh.app, { ...OPTIONS, seed: 4 });
      await expect(other).rejects.toThrow(SeedRefused);
      await expect(other).rejects.toThrow(
        'npm run seed:demo -- --products 100 --customers 20 --seed 3',
      );
      expect(await eventCount(fresh.events)).toBe(stopped);

      const report = await seedDemo(fresh.app, OPTIONS);
      expect(report.health).toBe('ok');
      // The same shop as a run that never stopped: nothing placed twice, nothing left out.
      const total = Object.values(report.orders).reduce((a, b) => a + b, 0);
      expect(printedTallies(printed)[0]).toMatch(new RegExp(`orders:\\s+${total} \\(`));
      const lines = await fresh.http.get('/backorders?limit=1').expect(200);
      expect(lines.body.items.length).toBe(1);
      await expect(seedDemo(fresh.app, OPTIONS)).rejects.toThrow(SeedRefused);
    } finally {
      await fresh.close();
    }
  }, 300_000);
});
