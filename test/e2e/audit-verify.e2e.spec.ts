import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { auditVerify } from '../../scripts/audit-verify';
import type { VerificationJob } from '../../src/audit/verification-jobs';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');

/**
 * An auditor verifies the shop's log over the API and from the command line, then finds a
 * planted change located by stream and revision.
 */
describe('audit:verify and GET /audit/verify', () => {
  // The machine is shared: starting the app and a verifier process take seconds under load.
  jest.setTimeout(120_000);

  let t: TestApp;
  let file: string;
  const env = () => ({ DATA_DIR: t.dataDir, AUDIT_DIGEST_EVERY: '5' });

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '5' });
    file = join(t.dataDir, 'events.sqlite');
    const sales = await t.as('maria', ['sales']);
    for (const name of ['Ada Byron', 'Grace Hopper', 'Edsger Dijkstra']) {
      const created = await sales.post('/customers').send({ name, phone: '+1 555 0100' });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  const verifyOverHttp = async (): Promise<VerificationJob> => {
    const auditor = await t.as('iris', ['auditor']);
    const response = await auditor.get('/audit/verify?waitSeconds=10');
    expect(response.status).toBe(200);
    const job = response.body as VerificationJob;
    const polled = await auditor.get(`/audit/verify/jobs/${job.id}`);
    expect(polled.body).toEqual(job);
    return job;
  };

  it('passes a log nobody touched, for an auditor, and is closed to other roles', async () => {
    const job = await verifyOverHttp();
    expect(job).toMatchObject({ state: 'passed', report: { ok: true, findings: [] } });
    expect(job.report!.events).toBeGreaterThan(3);
    expect(job.report!.digests).toBeGreaterThan(0);
    expect((await (await t.as('maria')).get('/audit/verify')).status).toBe(403);
    expect((await t.anonymous.get('/audit/verify')).status).toBe(401);

    const cli = await auditVerify([], env());
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.stdout).toContain('Findings: none.');
  });

  it('names an event whose data was changed in the file, with exit code 1', async () => {
    const db = new Database(file);
    const { stream, revision } = db
      .prepare(
        "SELECT stream, revision FROM events WHERE type = 'CustomerRegistered' AND data LIKE '%Grace%'",
      )
      .get() as { stream: string; revision: number };
    db.prepare(
      "UPDATE events SET data = replace(data, 'Grace', 'Gracie') WHERE stream = ? AND revision = ?",
    ).run(stream, revision);
    db.close();

    const job = await verifyOverHttp();
    expect(job.state).toBe('failed');
    expect(job.report!.findings).toEqual([
      expect.objectContaining({ kind: 'changed', stream, revision }),
    ]);

    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/audit-verify.ts'],
      { cwd: ROOT, env: { ...process.env, ...env() }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`[changed] ${stream} revision ${revision}`);
    expect(run.stdout).toContain('Result: FAILED (1 finding).');
  });

  it('cannot run on a folder without a log: exit code 2', async () => {
    const outcome = await auditVerify([], { DATA_DIR: join(t.dataDir, 'nowhere') });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('no event log');
  });
});
