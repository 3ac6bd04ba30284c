import Database from 'better-sqlite3';
import { join } from 'node:path';
import { auditReplay } from '../../scripts/audit-replay';
import { seedDemo } from '../../scripts/seed-demo';
import type { VerificationJob } from '../../src/audit/verification-jobs';
import { startTestApp, type TestApp } from '../support/test-app';

/** The three full months before this one, as YYYY-MM: the quarter the accountant reviews. */
function lastQuarter(now: Date): { from: string; to: string } {
  const month = (back: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
  return { from: month(3), to: month(1) };
}

const POLICIES = ['at-pickup', 'at-set-aside', 'at-order'];
/** A justification a spreadsheet would run as a formula, were the export not to neutralise it. */
const JUSTIFICATION = '=HYPERLINK("http://example.com","bill-and-hold terms signed")';

/**
 * Issue 12's "done when", over the API on demo data: an accountant compares the three policies
 * for last quarter, switches the book with a justification, reads the restatement and exports
 * it; an auditor verifies the chain, reproduces the trial balance, and finds a planted tampering.
 */
describe('accounting, done when: compare, switch, restate, export, audit', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  const quarter = lastQuarter(new Date());

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '50' });
    await seedDemo(t.app, { products: 120, customers: 20, seed: 7, force: false });
  }, 300_000);
  afterAll(() => t.close());

  it('compares the three policies for last quarter from the same events: revenue moves, cash does not', async () => {
    const accountant = await t.as('carla', ['accounting']);
    const { body } = await accountant
      .get(
        `/accounting/compare?policies=${POLICIES.join(',')}&from=${quarter.from}&to=${quarter.to}`,
      )
      .expect(200);
    expect(body.periods.length).toBeGreaterThan(0);
    expect(body.periods.every((p: { period: string }) => p.period >= quarter.from)).toBe(true);
    const revenues = POLICIES.map((policy) =>
      body.periods.map(
        (p: { policies: Record<string, { revenue: number }> }) => p.policies[policy].revenue,
      ),
    );
    expect(new Set(revenues.map((r) => JSON.stringify(r))).size).toBeGreaterThan(1);

    const cash = await Promise.all(
      POLICIES.map(async (policy) => {
        const tb = (await accountant.get(`/accounting/trial-balance?policy=${policy}`).expect(200))
          .body;
        expect(tb.balanced).toBe(true);
        return tb.lines.find((l: { account: string }) => l.account === '1000');
      }),
    );
    expect(cash[0].debit).toBeGreaterThan(0);
    expect(cash[1]).toEqual(cash[0]);
    expect(cash[2]).toEqual(cash[0]);
  });

  it('closes the quarter, switches to at-set-aside with a justification, and reads the restatement', async () => {
    const accountant = await t.as('carla', ['accounting']);
    await accountant.post('/books/main/periods').send({ period: quarter.to }).expect(200);
    const pnlBefore = (await accountant.get('/accounting/profit-and-loss').expect(200)).body.months;

    const switched = await accountant
      .post('/books/main/policy')
      .send({ policy: 'at-set-aside', justification: JUSTIFICATION })
      .expect(200);
    expect(switched.body.changed).toBe(true);

    const { body } = await accountant.get('/books/main/restatement').expect(200);
    expect(body.change).toMatchObject({
      from: 'at-pickup',
      to: 'at-set-aside',
      justification: JUSTIFICATION,
      actor: 'carla',
    });
    expect(body.restatement).toEqual(switched.body.restatement);
    const closed = body.restatement.periods.filter((p: { closed: boolean }) => p.closed);
    expect(closed.length).toBeGreaterThan(0);

    // Closed periods keep what they published; the effect lands in the first open period.
    const pnlAfter = (await accountant.get('/accounting/profit-and-loss').expect(200)).body.months;
    for (const { period } of closed)
      expect(pnlAfter.find((m: { period: string }) => m.period === period)).toEqual(
        pnlBefore.find((m: { period: string }) => m.period === period),
      );
    const book = (await accountant.get('/books/main').expect(200)).body;
    expect(book.policy).toBe('at-set-aside');
    if (body.restatement.adjustment.length > 0)
      expect(book.adjustments.at(-1)).toMatchObject({ kind: 'policy-change' });
    expect((await accountant.get('/accounting/trial-balance').expect(200)).body.balanced).toBe(
      true,
    );
  });

  it('exports the restatement as CSV with the justification neutralised', async () => {
    const accountant = await t.as('carla', ['accounting']);
    const csv = await accountant.get('/books/main/restatement?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('restatement.csv');
    const rows = csv.text.split('\r\n');
    expect(rows[0]).toBe(
      'period,closed,oldRevenue,newRevenue,oldCost,newCost,oldDeposits,newDeposits',
    );
    expect(rows).toContain(`justification,"'${JUSTIFICATION.replace(/"/g, '""')}"`);
    expect(rows).toContain('policy,at-pickup to at-set-aside');
    expect(rows.filter((row) => /^\d{4}-\d{2},(closed|open),/.test(row)).length).toBeGreaterThan(0);
  });

  it('lets an auditor verify the chain and reproduce the trial balance from the raw events', async () => {
    const auditor = await t.as('audrey', ['auditor']);
    const verified = (await auditor.get('/audit/verify?waitSeconds=60').expect(200))
      .body as VerificationJob;
    expect(verified).toMatchObject({ state: 'passed', report: { ok: true, findings: [] } });

    const outcome = await auditReplay(
      { DATA_DIR: t.dataDir },
      async (path) => (await auditor.get(path).expect(200)).body,
    );
    expect(outcome.stdout).toContain('reproduced line by line');
    expect(outcome.code).toBe(0);
  });

  it('locates a tampering planted in the log file by stream and revision', async () => {
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    const { stream, revision } = db
      .prepare("SELECT stream, revision FROM events WHERE type = 'DepositTaken' LIMIT 1")
      .get() as { stream: string; revision: number };
    // A deposit quietly made one cent smaller.
    db.prepare(
      `UPDATE events SET data = json_set(data, '$.amount.amount', json_extract(data, '$.amount.amount') - 1)
       WHERE stream = ? AND revision = ?`,
    ).run(stream, revision);
    db.close();

    const auditor = await t.as('audrey', ['auditor']);
    const job = (await auditor.get('/audit/verify?waitSeconds=60').expect(200))
      .body as VerificationJob;
    expect(job.state).toBe('failed');
    expect(job.report!.findings).toEqual([
      expect.objectContaining({ kind: 'changed', stream, revision }),
    ]);
  });
});
