import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { webAppDir } from '../../src/shared/http/web-app-dir';
import { launchChromium, SCREENSHOTS, seriousAxeViolations } from '../support/browser';
import {
  callOk,
  INITIAL_ADMIN_PASSWORD,
  logIn,
  type ServerSession,
  startServerSession,
} from '../support/server-session';
import { tempDir } from '../support/temp-dir';

/**
 * The staff web app in a real browser (Debian's Chromium driven by playwright-core) against the
 * real server on a fresh embedded store: first start, the counter, "where is my order",
 * purchasing and receiving with a set-aside label, and a catalog import with its review. Every
 * screen is checked by axe-core (no serious or critical violation) and against CSP violations.
 */
// Real browser steps against a real server on two shared cores.
jest.setTimeout(90_000);

describe('the staff web app', () => {
  const data = tempDir();
  let server: ServerSession;
  let chromium: { browser: Browser; close(): Promise<void> };
  let context: BrowserContext;
  let page: Page;
  let staffToken: string;
  const problems: string[] = [];
  const ids: Record<string, string> = {};
  const STAFF_PASSWORD = 'staff password, long enough';
  const ADMIN_PASSWORD = 'admin password, long enough';

  const api = <T = { id: string }>(method: string, path: string, body?: unknown) =>
    callOk<T>(server.url, method, path, { token: staffToken, body });

  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

  /** Every screen the tests reach is checked: accessibility, and nothing refused by the CSP. */
  const checkScreen = async (name: string) => {
    const violations = await seriousAxeViolations(page);
    expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
    expect(problems).toEqual([]);
  };

  const signInAs = async (username: string, password: string) => {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  // A failed step leaves a picture of the screen as it was, for whoever reads the CI log.
  afterEach(async () => {
    const state = expect.getState();
    if (page && state.currentTestName) {
      const name = state.currentTestName.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await page
        .screenshot({ path: join(SCREENSHOTS, `last-${name}.png`), fullPage: true })
        .catch(() => undefined);
    }
  });

  beforeAll(async () => {
    if (!existsSync(join(webAppDir(), 'index.html'))) {
      throw new Error('the web app is not built: `npm test` builds it first (npm run build:web)');
    }
    [server, chromium] = await Promise.all([
      // ts-node compiles the server first: slow on a busy machine.
      startServerSession({ dataDir: data.path, startTimeoutMs: 180_000 }),
      launchChromium(),
    ]);
    // A tablet at the counter.
    context = await chromium.browser.newContext({ viewport: { width: 1180, height: 820 } });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is logged by the browser too; the screens show those where they belong.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`console: ${message.text()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await chromium?.close();
    await server?.stop();
    data.remove();
  });

  it('serves the app at / with a CSP for its own files only', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const script = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(script.headers.get('content-encoding')).toBe('br');
    expect(script.headers.get('cache-control')).toContain('immutable');
    // The API is unchanged beside it: an unknown path is still the API's 404.
    expect((await fetch(`${server.url}/no-such-screen`)).status).toBe(404);
  });

  it('first start: the admin signs in with the one-time password, chooses one, and adds staff', async () => {
    await page.goto(server.url);
    await page.getByLabel('Username').waitFor();
    const weight = await page.evaluate<number>(
      `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
        .reduce((bytes, entry) => bytes + entry.transferSize, 0)`,
    );
    process.stdout.write(`first page: ${weight} bytes over the wire\n`);
    await checkScreen('sign-in');
    await signInAs('admin', INITIAL_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await checkScreen('choose-password');
    await page.getByLabel('One-time password').fill(INITIAL_ADMIN_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('too short');
    await page.getByLabel('New password again').fill('too short');
    await page.getByRole('button', { name: 'Save password' }).click();
    // The server's refusal shows beside the field it concerns.
    await page.getByText('newPassword must be 12 to 256 characters long').waitFor();
    await page.getByLabel('New password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('New password again').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();

    // The admin sees only what admins may do.
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('link', { name: 'Users & API keys' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Users & API keys',
      'Accounting',
    ]);
    await page.getByLabel('Username').fill('staff');
    await page.getByLabel('Full name').fill('Sam Staff');
    const roles = page.getByRole('group', { name: 'Roles of the new user' });
    for (const role of ['purchasing', 'receiving', 'accounting'])
      await roles.getByLabel(role).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    const secret = page.locator('.secret-value');
    await secret.waitFor();
    const oneTime = (await secret.textContent())!.trim();
    await page.getByRole('cell', { name: /staff/ }).first().waitFor();
    await shot('users');
    await checkScreen('users');
    await page.getByRole('button', { name: 'Sign out' }).click();

    staffToken = (await logIn(server.url, 'staff', oneTime, STAFF_PASSWORD))!;
    expect(staffToken).toBeTruthy();
  });

  it('sets up a vendor, products with a picture, a showroom piece and a customer (API)', async () => {
    ids.vendor = (
      await api('POST', '/vendors', { name: 'Nourison', leadTimeDays: 21, consolidation: 'manual' })
    ).id;
    const product = (vendorSku: string, name: string, color: string, size: string, price: number) =>
      api('POST', '/products', {
        vendorId: ids.vendor,
        vendorSku,
        name,
        collection: 'Heritage',
        color,
        size,
        cost: { amount: Math.round(price * 40), currency: 'USD' },
        retailPrice: { amount: price * 100, currency: 'USD' },
      });
    ids.heriz = (await product('HER-01', 'Heriz Persian', 'Navy', `8' x 10'`, 2499)).id;
    ids.kilim = (await product('KIL-03', 'Kilim Runner', 'Rust', `2'6" x 10'`, 899)).id;
    ids.tabriz = (await product('TAB-02', 'Tabriz Silk', 'Ivory', `5'3" x 7'6"`, 3999)).id;
    const png = await sharp({
      create: { width: 320, height: 240, channels: 3, background: '#7a2e2e' },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'heriz.png');
    const uploaded = await fetch(`${server.url}/products/${ids.heriz}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    await api('POST', '/stock/adjustments', {
      productId: ids.kilim,
      delta: 1,
      reason: 'showroom piece',
    });
    ids.ann = (
      await api('POST', '/customers', {
        name: 'Ann Smith',
        phone: '+1 201 555 0100',
        email: 'ann@example.com',
      })
    ).id;
  });

  it('the counter: finds the customer and products as you type, offers stock, places the order', async () => {
    await signInAs('staff', STAFF_PASSWORD);
    await page.getByRole('heading', { name: 'Counter: new backorder' }).waitFor();
    await checkScreen('counter');

    await page.getByLabel('Name, phone or email').fill('ann');
    await page.getByRole('button', { name: /Ann Smith/ }).click();

    const started = Date.now();
    await page.getByLabel('Words, SKU or size').fill('kil');
    const kilim = page.getByRole('listitem').filter({ hasText: 'Kilim Runner' });
    await kilim.waitFor();
    process.stdout.write(`counter search: results shown ${Date.now() - started} ms after typing\n`);
    await kilim.getByText('In stock: 1').waitFor();
    await kilim.getByRole('button', { name: /^Add/ }).click();
    await page.getByRole('status').filter({ hasText: 'In stock: 1 available' }).waitFor();

    await page.getByLabel('Words, SKU or size').fill('heriz navy');
    const heriz = page.getByRole('listitem').filter({ hasText: 'Heriz Persian' });
    await heriz.waitFor();
    // The picture, fetched with the signed-in token, opens large.
    await heriz.getByRole('img', { name: 'Heriz Persian' }).waitFor();
    await heriz.getByRole('button', { name: /Larger picture/ }).click();
    await page.getByRole('dialog').getByRole('img', { name: 'Heriz Persian' }).waitFor();
    await checkScreen('counter-large-picture');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await heriz.getByRole('button', { name: /^Add/ }).click();
    await page.getByLabel('Unit price (USD)').nth(1).fill('2,299.00');
    await page.getByLabel('Words, SKU or size').fill('heritage');
    await page.getByText('3 products').waitFor();
    await shot('counter-search', true);
    await checkScreen('counter-with-lines');
    // A deposit with the order: a typing slip is said beside the field before anything is sent.
    const deposit = page.getByLabel('Deposit (USD, optional)');
    await deposit.fill('5.0.0');
    await page.getByText('amount must be money, like 100 or 100.00').waitFor();
    await deposit.fill('500.00');

    await page.getByRole('button', { name: 'Place order' }).click();
    const title = page.getByRole('heading', { name: /^Order BO-\d{6}$/ });
    await title.waitFor();
    ids.orderNumber = (await title.textContent())!.replace('Order ', '');
    const kilimRow = page.getByRole('row').filter({ hasText: 'Kilim Runner' });
    await kilimRow.getByText('In stock: 1 available').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Heriz Persian' })
      .getByText('$2,299.00')
      .waitFor();
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByRole('row').filter({ hasText: 'deposit' }).getByText('$500.00').waitFor();
    const balance = (await money.locator('.balance-due').textContent())!;
    expect(balance).toMatch(/^\$2,\d{3}\.\d{2}$/);
    // More than the balance is refused; the server's words show beside the amount.
    await money.getByLabel('Amount (USD)').fill('99999');
    await money.getByRole('button', { name: 'Record the money' }).click();
    await money
      .getByRole('alert')
      .filter({ hasText: /balance|due|more than/i })
      .waitFor();
    await checkScreen('order-placed');
    await kilimRow.getByRole('button', { name: 'Link from stock' }).click();
    // Read-your-writes: the screen shows the link, not the order as it was.
    await kilimRow.getByText(/set aside|ready for pickup/).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Heriz Persian' })
      .getByText('on order')
      .waitFor();
    await shot('order-placed', true);
  });

  it('where is my order: by name, then the lines and the timeline in plain words', async () => {
    await page.getByRole('link', { name: 'Where is my order' }).click();
    await page.getByLabel('Order number, name, phone or email').fill('ann smith');
    const hit = page.getByRole('link', { name: `${ids.orderNumber} · Ann Smith` });
    await hit.waitFor();
    await checkScreen('lookup');
    await page.getByLabel('Order number, name, phone or email').fill('555 0100');
    await hit.waitFor();
    await hit.click();
    await page.getByRole('heading', { name: `Order ${ids.orderNumber}` }).waitFor();
    const timeline = page.locator('.timeline');
    await timeline.getByText(`Order ${ids.orderNumber} placed for Ann Smith`).waitFor();
    await timeline
      .getByText(/linked/i)
      .first()
      .waitFor();
    await timeline.getByText('Deposit of 500.00 USD taken by card').waitFor();
    await page.getByRole('region', { name: 'Money' }).getByText('Balance due').waitFor();
    await shot('lookup-order', true);
    await checkScreen('order');
  });

  it('purchasing submits the draft and records the vendor date; receiving sets the rug aside with a label', async () => {
    await page.getByRole('link', { name: 'Purchasing' }).click();
    const draft = page
      .getByRole('navigation', { name: 'Purchase orders' })
      .getByRole('link', { name: /^PO-\d{6}$/ })
      .first();
    await draft.click();
    await page.getByRole('cell', { name: new RegExp(`${ids.orderNumber} Ann Smith`) }).waitFor();
    await checkScreen('purchasing');
    await page.getByRole('button', { name: 'Submit to vendor' }).click();
    await page.getByLabel('Vendor reference').fill('SO-88412');
    await page.getByLabel(/ETA for Heriz Persian/).fill('2026-12-18');
    await checkScreen('purchasing-acknowledge');
    await page.getByRole('button', { name: 'Record acknowledgement' }).click();
    await page.getByText('acknowledged', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Receive this PO' }).click();

    await page.getByRole('heading', { name: /· Nourison$/ }).waitFor();
    await page.getByText('For: Ann Smith').waitFor();
    await checkScreen('receiving');
    const arrived = page.getByLabel(/Arrived: Heriz Persian/);
    await arrived.fill('1');
    await page.getByRole('button', { name: 'Record what arrived' }).click();

    await page.getByRole('heading', { name: /^Received PO-\d{6} · Nourison$/ }).waitFor();
    const setAside = page.locator('.set-aside');
    await setAside.getByText('Ann Smith').waitFor();
    expect(await setAside.textContent()).toContain(
      `1 × Heriz Persian for Ann Smith, ${ids.orderNumber}`,
    );
    const label = page.locator('.label').first();
    expect(await label.textContent()).toContain('Ann Smith');
    const barcode = label.getByRole('img', { name: `Barcode of order ${ids.orderNumber}` });
    expect(
      await barcode.evaluate((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 100;
      }),
    ).toBe(true);
    await shot('receipt-labels', true);
    await checkScreen('receipt');
    // The print stylesheet leaves only the labels, 4 x 2 inches each.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    const box = (await label.boundingBox())!;
    expect(Math.round(box.width)).toBe(384);
    expect(Math.round(box.height)).toBe(192);
    await shot('receipt-labels-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('a catalog import: upload, live progress, review by kind, apply', async () => {
    await api('PUT', `/vendors/${ids.vendor}/import-profiles/spring`, {
      format: 'csv',
      currency: 'USD',
      columns: {
        vendorSku: 'Item #',
        name: 'Description',
        cost: 'Wholesale',
        retailPrice: 'MSRP',
        color: 'Color',
        size: 'Size',
      },
    });
    const rows = [
      'Item #;Description;Color;Size;Wholesale;MSRP',
      `HER-01;Heriz Persian;Navy;8' x 10';999.60;2699.00`, // a price change
      `KIL-03;Kilim Runner;Rust;2'6" x 10';359.60;899.00`, // unchanged
      `TAB-02;Tabriz Silk;Ivory;5'3" x 7'6";1599.60;3999.00`,
      ...Array.from(
        { length: 40 },
        (_, i) => `ISF-${100 + i};Isfahan Garden ${i};Blue;9' x 12';1200.00;2900.00`,
      ),
      'BAD-1;Broken Row;Red;8x10;not a price;100',
    ];
    const sheet = join(data.path, 'spring.csv');
    writeFileSync(sheet, `${rows.join('\r\n')}\r\n`);

    await page.getByRole('link', { name: 'Catalog imports' }).click();
    await checkScreen('imports');
    await page.getByLabel('Vendor').selectOption({ label: 'Nourison' });
    await page.getByLabel('Sheet layout (profile)').selectOption('spring');
    await page.getByLabel('Price sheet (CSV or JSON Lines)').setInputFiles(sheet);
    await page.getByRole('button', { name: 'Upload and review' }).click();
    await page.getByRole('heading', { name: 'Review of spring.csv: 44 rows' }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Kinds of change' });
    expect(await tabs.getByRole('tab', { name: /^New/ }).textContent()).toContain('40');
    expect(await tabs.getByRole('tab', { name: /^Price changed/ }).textContent()).toContain('1');
    await tabs.getByRole('tab', { name: /^Price changed/ }).click();
    await page.getByRole('tabpanel').getByText('price $2,499.00 → $2,699.00 (+8%)').waitFor();
    await tabs.getByRole('tab', { name: /^Invalid rows/ }).click();
    await page.getByRole('tabpanel').getByRole('cell', { name: 'BAD-1' }).waitFor();
    await checkScreen('import-review');
    await page.getByRole('button', { name: 'Apply the chosen changes' }).click();
    await page.getByText(/^Applied: \d+ products changed in the catalog\.$/).waitFor();
    await shot('import-review', true);
    // The catalog shows it: search finds a new product at once.
    await page.getByRole('link', { name: 'Counter' }).click();
    await page.getByLabel('Words, SKU or size').fill('isfahan garden 7');
    await page.getByRole('listitem').filter({ hasText: 'Isfahan Garden 7' }).first().waitFor();
  });

  it('a policy comparison: three policies by month, a switch with its justification and restatement, a replay, and the log verified', async () => {
    await page.getByRole('link', { name: 'Accounting' }).click();
    await page.getByRole('heading', { name: 'Accounting', level: 1 }).waitFor();
    const compare = page.getByRole('region', { name: 'Policies compared by month' });
    await compare
      .getByRole('img', { name: 'Revenue recognised per month under each policy' })
      .waitFor();
    const table = compare.getByRole('table', { name: /per month under each policy/ });
    const month = new Date().toISOString().slice(0, 7);
    const row = table.getByRole('row').filter({ hasText: month });
    await row.waitFor();
    // The same events, three revenues: nothing picked up yet, the received Heriz set aside, the
    // whole order invoiced.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toBe('0.00');
    expect(cells[4]).toBe('2,299.00');
    expect(cells[7]).toBe('3,198.00');
    await shot('accounting-compare', true);
    await checkScreen('accounting');

    const book = page.getByRole('region', { name: 'The book’s policy' });
    await book.getByLabel('New policy').selectOption('at-set-aside');
    await book.getByRole('button', { name: 'Switch policy' }).click();
    // A switch needs its reason: the refusal shows beside the field.
    await book
      .getByRole('alert')
      .filter({ hasText: /justification/i })
      .waitFor();
    await book
      .getByLabel('Justification')
      .fill('Bill-and-hold terms signed with our layaway customers');
    await book.getByRole('button', { name: 'Switch policy' }).click();
    const restatement = book.getByRole('region', {
      name: 'Restatement: At pickup → At set-aside (bill-and-hold)',
    });
    await restatement
      .getByRole('status')
      .getByText(/^Cumulative effect: revenue/)
      .waitFor();
    await restatement.getByRole('row').filter({ hasText: month }).waitFor();
    await book.getByText('Bill-and-hold terms signed with our layaway customers').waitFor();
    await checkScreen('accounting-restated');

    const replay = page.getByRole('region', { name: 'Ledger replay' });
    await replay.getByRole('button', { name: 'Replay the ledger' }).click();
    await replay.getByText(/^Done: \d+ events, \d+ journal entries \(0 unbalanced\)/).waitFor();
    await shot('accounting-restated', true);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Verification is the auditor's and the admin's.
    await signInAs('admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Accounting' }).click();
    const verify = page.getByRole('region', { name: 'Audit verification' });
    await verify.getByRole('button', { name: 'Verify the log' }).click();
    await verify.getByText(/^Passed: \d+ events in \d+ streams/).waitFor();
    await checkScreen('accounting-verified');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs('staff', STAFF_PASSWORD);
    await page.getByRole('heading', { name: 'Counter: new backorder' }).waitFor();
  });

  it('offers lines on stock in Backorder link, each screen free of serious accessibility faults', async () => {
    await page.getByRole('link', { name: 'Backorder link' }).click();
    await page.getByRole('heading', { name: 'Backorder link' }).waitFor();
    await page
      .getByText(/No line is waiting|in stock/i)
      .first()
      .waitFor();
    await checkScreen('link');
    // A phone at the receiving dock: the navigation wraps, nothing needs sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Receiving' }).click();
    await page.getByRole('heading', { name: 'Receiving' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      390,
    );
    await checkScreen('receiving-phone');
  });
});
