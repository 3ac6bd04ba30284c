import { auditReplay } from '../../scripts/audit-replay';
import { appendLedgerStory } from '../support/append-ledger-story';
import { depositToPickupStory } from '../support/ledger-story';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

/**
 * From deposit to pickup to recognition, through the API: the money facts are appended through
 * the store (their endpoints belong to the payments feature), everything else is HTTP.
 */
describe('accounting over HTTP: compare, close, switch policy, restate, audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await appendLedgerStory(t.events, depositToPickupStory());
  }, 30_000);
  afterAll(() => t.close());

  it('compares the three policies from one pass: revenue moves, cash does not', async () => {
    const { body } = await t.http
      .get('/accounting/compare?policies=at-pickup,at-set-aside,at-order&from=2026-01&to=2026-03')
      .expect(200);
    expect(body.policies.map((p: { policy: string }) => p.policy)).toEqual([
      'at-pickup',
      'at-set-aside',
      'at-order',
    ]);
    expect(body.policies[2].description).toMatch(/not acceptable under ASC 606 \/ IFRS 15/);
    const revenue = (period: string) =>
      Object.fromEntries(
        Object.entries(
          body.periods.find((p: { period: string }) => p.period === period).policies,
        ).map(([policy, f]) => [policy, (f as { revenue: number }).revenue]),
      );
    expect(revenue('2026-01')).toEqual({ 'at-pickup': 0, 'at-set-aside': 0, 'at-order': 1800 });
    expect(revenue('2026-02')).toEqual({ 'at-pickup': 0, 'at-set-aside': 1800, 'at-order': 0 });
    expect(revenue('2026-03')).toEqual({ 'at-pickup': 1800, 'at-set-aside': 0, 'at-order': 0 });
    for (const policy of ['at-pickup', 'at-set-aside', 'at-order']) {
      const tb = await t.http.get(`/accounting/trial-balance?policy=${policy}`).expect(200);
      expect(tb.body.balanced).toBe(true);
      expect(tb.body.lines.find((l: { account: string }) => l.account === '1000')).toMatchObject({
        debit: 1948,
        credit: 0,
      });
    }
  });

  it('closes February; a posting into a closed period is refused and appends nothing', async () => {
    await t.http.post('/books/main/periods').send({ period: '2026-02' }).expect(200);
    const before = await eventCount(t.events);
    const refused = await t.http
      .post('/books/main/adjustments')
      .send({
        period: '2026-01',
        reason: 'late fix',
        lines: [
          { account: '1000', debit: 5, credit: 0 },
          { account: '4000', debit: 0, credit: 5 },
        ],
      })
      .expect(422);
    expect(refused.body).toMatchObject({ rule: 'period-closed' });
    expect(await eventCount(t.events)).toBe(before);
  });

  it('refuses a policy change without a justification', async () => {
    const before = await eventCount(t.events);
    const refused = await t.http
      .post('/books/main/policy')
      .send({ policy: 'at-set-aside' })
      .expect(422);
    expect(refused.body).toMatchObject({ rule: 'policy-change-needs-justification' });
    expect(await eventCount(t.events)).toBe(before);
  });

  it('switches to at-set-aside: restatement per period, closed periods unchanged, the effect posted in March', async () => {
    const pnlBefore = (await t.http.get('/accounting/profit-and-loss').expect(200)).body.months;
    const { body } = await t.http
      .post('/books/main/policy')
      .send({
        policy: 'at-set-aside',
        justification: 'bill-and-hold agreements signed with customers',
      })
      .expect(200);
    expect(body.changed).toBe(true);
    const feb = body.restatement.periods.find((p: { period: string }) => p.period === '2026-02');
    expect(feb).toMatchObject({
      closed: true,
      old: { revenue: 0, deposits: 500 },
      new: { revenue: 1800, deposits: 0 },
    });
    expect(body.restatement.adjustment).toEqual(
      expect.arrayContaining([
        { account: '4000', debit: 0, credit: 1800 },
        { account: '5000', debit: 1100, credit: 0 },
        { account: '2200', debit: 500, credit: 0 },
      ]),
    );
    const book = (await t.http.get('/books/main').expect(200)).body;
    expect(book).toMatchObject({ policy: 'at-set-aside', closedThrough: '2026-02' });
    expect(book.adjustments).toEqual([
      expect.objectContaining({ period: '2026-03', kind: 'policy-change' }),
    ]);

    const pnlAfter = (await t.http.get('/accounting/profit-and-loss').expect(200)).body.months;
    const month = (rows: { period: string }[], period: string) =>
      rows.find((r) => r.period === period);
    expect(month(pnlAfter, '2026-01')).toEqual(month(pnlBefore, '2026-01'));
    expect(month(pnlAfter, '2026-02')).toEqual(month(pnlBefore, '2026-02'));
    expect(month(pnlAfter, '2026-03')).toMatchObject({ revenue: 1800, costOfGoodsSold: 1100 });
    const tb = (await t.http.get('/accounting/trial-balance').expect(200)).body;
    expect(tb.balanced).toBe(true);
  });

  it("the book's journal shows the switch's adjustment in March and adds up to its trial balance", async () => {
    const { body } = await t.http.get('/accounting/journal').expect(200);
    const adjustment = body.entries.find((e: { description: string }) =>
      e.description.startsWith('adjustment (policy-change)'),
    );
    expect(adjustment).toMatchObject({ period: '2026-03', backorderId: null });
    expect(adjustment.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ account: '4000', credit: 1800 })]),
    );
    const closed = body.entries.filter((e: { period: string }) => e.period <= '2026-02');
    expect(closed.every((e: { policy: string }) => e.policy === 'at-pickup')).toBe(true);
    const tb = (await t.http.get('/accounting/trial-balance').expect(200)).body;
    for (const line of tb.lines as { account: string; debit: number; credit: number }[]) {
      const posted = body.entries.flatMap((e: { lines: { account: string }[] }) =>
        e.lines.filter((l) => l.account === line.account),
      );
      const sum = (side: 'debit' | 'credit') =>
        posted.reduce((total: number, l: Record<string, number>) => total + l[side], 0);
      expect([line.account, sum('debit'), sum('credit')]).toEqual([
        line.account,
        line.debit,
        line.credit,
      ]);
    }
  });

  it('lets an auditor read and replay, never write; the replay reproduces the trial balance', async () => {
    const auditor = await t.as('audrey', ['auditor']);
    await auditor.post('/books/main/periods').send({ period: '2026-03' }).expect(403);
    const started = await auditor
      .post('/accounting/replays')
      .send({ policy: 'at-set-aside' })
      .expect(202);
    let job = started.body;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await auditor.get(`/accounting/replays/${job.jobId}`).expect(200)).body;
    }
    expect(job.status).toBe('done');
    const published = (
      await auditor.get('/accounting/trial-balance?policy=at-set-aside').expect(200)
    ).body;
    expect(job.summary.policies['at-set-aside'].trialBalance.lines).toEqual(published.lines);
    const invariants = (await auditor.get('/accounting/invariants').expect(200)).body;
    expect(invariants.holds).toBe(true);
    expect((await t.anonymous.get('/health').expect(200)).body.ledger).toEqual({
      holds: true,
      failing: [],
    });
  });

  it('audit:replay rebuilds every trial balance from the raw events and matches the published ones', async () => {
    const auditor = await t.as('audrey', ['auditor']);
    const outcome = await auditReplay(
      { DATA_DIR: t.dataDir },
      async (path) => (await auditor.get(path).expect(200)).body,
    );
    expect(outcome.stdout).toContain('reproduced line by line');
    expect(outcome.code).toBe(0);
  });

  it('exports the journal as CSV and reads the book as it was before the switch', async () => {
    const csv = await t.http.get('/accounting/journal?policy=at-pickup&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'entry,period,occurredAt,description,backorder,account,accountName,debit,credit,events',
    );
    const asOf = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const early = (await t.http.get(`/accounting/trial-balance?asOf=${asOf}`).expect(200)).body;
    expect(early.debit).toBe(0);
  });
});
