import { AccountingLedger } from '../../src/accounting/accounting-ledger';
import { appendLedgerStory } from '../support/append-ledger-story';
import { depositToPickupStory, ledgerLog } from '../support/ledger-story';
import { tempDir } from '../support/temp-dir';
import { startTestApp, type TestApp } from '../support/test-app';

const REPORTS = [
  '/accounting/trial-balance',
  '/accounting/trial-balance?policy=at-order',
  '/accounting/journal',
  '/accounting/profit-and-loss',
  '/books/main',
];

/** The book is saved in the read store: a restart resumes from its checkpoint, not from the start. */
describe('the live book across a restart', () => {
  jest.setTimeout(120_000);
  const dir = tempDir();
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  const read = async () =>
    Promise.all(REPORTS.map(async (path) => (await t.http.get(path).expect(200)).body));

  it('reads the same book after a restart, resumed from its checkpoint, and goes on folding', async () => {
    t = await startTestApp({}, dir.path);
    expect(t.app.get(AccountingLedger).resumedFrom).toBeNull();
    await appendLedgerStory(t.events, depositToPickupStory());
    await t.http.post('/books/main/periods').send({ period: '2026-02' }).expect(200);
    await t.http
      .post('/books/main/policy')
      .send({ policy: 'at-set-aside', justification: 'bill-and-hold terms signed' })
      .expect(200);
    const before = await read();
    await t.close();

    t = await startTestApp({}, dir.path);
    const ledger = t.app.get(AccountingLedger);
    expect(ledger.resumedFrom).not.toBeNull();
    expect(await read()).toEqual(before);

    // A payment after the restart lands on top of the resumed book.
    const e = ledgerLog();
    const paid = e('PaymentReceived', '2026-03-20T10:00:00.000Z', {
      backorderId: 'b-1',
      amount: { amount: 100, currency: 'USD' },
      method: 'cash',
      reference: null,
      installmentId: null,
    });
    await appendLedgerStory(t.events, [paid]);
    const cash = async () =>
      (await t.http.get('/accounting/trial-balance').expect(200)).body.lines.find(
        (l: { account: string }) => l.account === '1000',
      ).debit;
    const cashBefore = before[0].lines.find((l: { account: string }) => l.account === '1000').debit;
    expect(await cash()).toBe(cashBefore + 100);
    expect((await t.http.get('/accounting/invariants').expect(200)).body.holds).toBe(true);
  });
});
