import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../src/shared/config/app-config';
import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { createValidationPipe } from '../../src/shared/http/validation.pipe';
import {
  type CaseKind,
  discoverQueryRoutes,
  discoverWriteRoutes,
  EXPECTED,
  fastifyWriteRoutes,
  type HostileCase,
  hostileCases,
  hostileQueryCases,
  NEEDS_FIELDS,
  sampleBody,
  type WriteRoute,
} from '../support/hostile-requests';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

/** Every write route must be tried this many ways at least; the whole run at least 1,000. */
const MIN_CASES_PER_ROUTE = 30;
const MIN_CASES = 1_000;

/** What a polluted prototype would show: its own property names. */
const prototypeKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort().join(','),
  );

interface Failure {
  readonly request: string;
  readonly kind: CaseKind;
  readonly label: string;
  readonly status: number;
  readonly eventsAppended: number;
  readonly problem: string;
  readonly body: string;
}

/**
 * Thousands of malformed requests, generated from the running app's routes and DTOs, against every
 * write route: each gets a clear 4xx (a 400 from validation names the fields), none a 5xx, and the
 * log does not grow by a single event.
 */
describe('hostile input', () => {
  const prototypesBefore = prototypeKeys();
  let t: TestApp;
  let authorization: string;
  let routes: WriteRoute[];
  const ids: Record<string, string> = {};

  const inject = (method: string, url: string, payload?: object) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: method as 'POST',
        url,
        headers: { authorization, 'content-type': 'application/json' },
        payload: JSON.stringify(payload ?? {}),
      });
  const create = async (url: string, payload: object): Promise<string> => {
    const response = await inject('POST', url, payload);
    if (response.statusCode !== 201)
      throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return (response.json() as { id: string }).id;
  };
  const settle = async () => expect(await t.app.get(ConsumersSettled).wait(10_000)).toBe(true);

  beforeAll(async () => {
    // Sign-in is limited per minute; a malformed sign-in must be a 400, not a 429.
    t = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
    authorization = `Bearer ${await t.tokenFor('staff')}`;
    ids.vendor = await create('/vendors', {
      name: 'Hostile Rugs',
      leadTimeDays: 14,
      consolidation: 'daily',
    });
    ids.product = await create('/products', {
      vendorId: ids.vendor,
      vendorSku: 'HOS-1',
      name: 'Hostile Heriz',
      cost: { amount: 40000, currency: 'USD' },
      retailPrice: { amount: 99900, currency: 'USD' },
    });
    ids.customer = await create('/customers', { name: 'Mallory Hostile' });
    await create('/stock/adjustments', { productId: ids.product, delta: 3, reason: 'count' });
    ids.backorder = await create('/backorders', {
      customerId: ids.customer,
      lines: [{ productId: ids.product, quantity: 1 }],
    });
    // An order cancelled outright: it takes no more money.
    ids.cancelledOrder = await create('/backorders', {
      customerId: ids.customer,
      lines: [{ productId: ids.product, quantity: 1 }],
    });
    const cancelled = await inject('POST', `/backorders/${ids.cancelledOrder}/lines/L1/cancel`, {
      reason: 'customer walked away',
    });
    if (cancelled.statusCode !== 200) throw new Error(`cancel: ${cancelled.body}`);
    ids.po = await create('/purchase-orders', {
      vendorId: ids.vendor,
      lines: [{ productId: ids.product, quantity: 2 }],
    });
    ids.user = await create('/users', { username: 'hostile-target', roles: ['sales'] });
    ids.apiKey = await create('/api-keys', { name: 'hostile-target', roles: ['sales'] });
    ids.book = 'main';
    await settle();
    const po = (await inject('GET', `/purchase-orders/${ids.po}`)).json() as {
      lines: { poLineId: string }[];
    };
    ids.poLine = po.lines[0].poLineId;
    // A reviewed price sheet, so that applying it is a real route to attack.
    const profile = {
      format: 'csv',
      currency: 'USD',
      columns: { vendorSku: 'SKU', name: 'Name', cost: 'Cost', retailPrice: 'Retail' },
    };
    await t.http.put(`/vendors/${ids.vendor}/import-profiles/hostile`).send(profile).expect(200);
    const sheet = Buffer.from('SKU,Name,Cost,Retail\nHOS-2,Hostile Kilim,100,200\n');
    ids.catalogImport = (
      await t.http
        .post('/catalog/imports')
        .field('vendorId', ids.vendor)
        .field('profile', 'hostile')
        .attach('file', sheet, 'hostile.csv')
        .expect(201)
    ).body.id;
    routes = discoverWriteRoutes(t.app);
  }, 60_000);

  afterAll(() => t?.close());

  const entityOf: Readonly<Record<string, string>> = {
    '/backorders': 'backorder',
    '/purchase-orders': 'po',
    '/users': 'user',
    '/api-keys': 'apiKey',
    '/vendors': 'vendor',
    '/products': 'product',
    '/customers': 'customer',
    '/catalog': 'catalogImport',
    '/books': 'book',
  };
  const realParam = (route: WriteRoute, name: string): string => {
    const root = `/${route.path.split('/')[1]}`;
    const key = name === 'lineId' ? (root === '/backorders' ? 'L1' : 'poLine') : entityOf[root];
    const id = key === 'L1' ? key : ids[key];
    if (!id) throw new Error(`no real entity for :${name} of ${route.path}; set one up above`);
    return id;
  };
  const unknownParam = (route: WriteRoute, name: string): string => {
    if (name === 'lineId' && route.path.startsWith('/backorders/')) return 'L999';
    if (route.path.startsWith('/api-keys/')) return randomUUID().replaceAll('-', '');
    return randomUUID();
  };
  const bodyIds = () => ({
    productId: ids.product,
    vendorId: ids.vendor,
    customerId: ids.customer,
    poLineId: ids.poLine,
  });
  const casesFor = (route: WriteRoute): HostileCase[] =>
    hostileCases(route, route.body ? sampleBody(route.body, bodyIds()) : null, {
      realParam,
      unknownParam,
      bodyLimit: t.app.get<AppConfig>(APP_CONFIG).bodyLimit,
      // A well-formed sign-in is acted on (a failed one is recorded): only malformed ones go there.
      neverWellFormed: (r) => r.path.startsWith('/auth/'),
    });

  it('covers every write route Fastify serves, found from the controllers', () => {
    const served = fastifyWriteRoutes(t.app);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(served);
    for (const prefix of Object.keys(entityOf).concat('/auth/login', '/stock/adjustments')) {
      expect(routes.some((r) => r.path.startsWith(prefix))).toBe(true);
    }
  });

  it('builds a valid-shaped body from the DTO of every route that takes one', async () => {
    const pipe = createValidationPipe();
    const invalid: string[] = [];
    for (const route of routes.filter((r) => r.body)) {
      const body = sampleBody(route.body as NonNullable<WriteRoute['body']>, bodyIds());
      await pipe
        .transform(body, { type: 'body', metatype: route.body ?? undefined, data: '' })
        .catch((error: { response?: unknown }) =>
          invalid.push(`${route.body?.name}: ${JSON.stringify(error.response ?? error)}`),
        );
    }
    expect(invalid).toEqual([]);
  });

  it('refuses every malformed request with a clear 4xx and appends no event', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const cases = routes.flatMap(casesFor);
    const perRoute = new Map<string, number>();
    for (const c of cases) {
      const key = `${c.route.method} ${c.route.path}`;
      perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
    }
    const thin = [...perRoute].filter(([, count]) => count < MIN_CASES_PER_ROUTE);
    expect(thin).toEqual([]);
    expect(perRoute.size).toBe(routes.length);
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);

    const baseline = await eventCount(t.events);
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    const failures: Failure[] = [];
    const withoutFields = new Map<string, number>();
    let serverErrors = 0;
    let appended = 0;
    const started = Date.now();

    for (const c of cases) {
      const before = await eventCount(t.events);
      const response = await fastify.inject({
        method: c.route.method,
        url: c.url,
        headers: { authorization, ...c.headers },
        ...(c.payload === undefined ? {} : { payload: c.payload }),
      });
      const added = (await eventCount(t.events)) - before;
      const status = response.statusCode;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      kinds.set(`${c.kind} ${status}`, (kinds.get(`${c.kind} ${status}`) ?? 0) + 1);
      if (status >= 500) serverErrors++;
      if (status === 400 && !response.body.includes('"fields":[{')) {
        withoutFields.set(c.kind, (withoutFields.get(c.kind) ?? 0) + 1);
      }
      appended += added;
      const problem = problemWith(c.kind, status, response.body, added);
      if (problem) {
        failures.push({
          request: `${c.route.method} ${c.url.slice(0, 120)}`,
          kind: c.kind,
          label: c.label,
          status,
          eventsAppended: added,
          problem,
          body: response.body.slice(0, 300),
        });
      }
    }
    await settle();
    const appendedOverall = (await eventCount(t.events)) - baseline;

    const list = (counts: Map<number | string, number>) =>
      [...counts]
        .sort(([a], [b]) => String(a).localeCompare(String(b)))
        .map(([key, count]) => `${key} ×${count}`)
        .join(', ');
    const sizes = [...perRoute.values()];
    process.stdout.write(
      [
        '',
        `hostile input: ${cases.length} requests over ${routes.length} write routes ` +
          `(${Math.min(...sizes)} to ${Math.max(...sizes)} per route) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  by status: ${list(statuses)}`,
        `  by kind and status: ${list(kinds)}`,
        `  400s without a fields list (parser and path-pipe refusals): ${list(withoutFields)}`,
        `  5xx seen: ${serverErrors}`,
        `  events appended by rejected requests: ${appended} (log grew by ${appendedOverall} after settling)`,
        `  failures: ${failures.length}`,
        ...failures.slice(0, 40).map((f) => `    ${JSON.stringify(f)}`),
        '',
      ].join('\n'),
    );

    expect(serverErrors).toBe(0);
    expect(appended).toBe(0);
    expect(appendedOverall).toBe(0);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('refuses every overlong or ill-formed text and every non-decimal number in a query string', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const queryRoutes = discoverQueryRoutes(t.app);
    expect(queryRoutes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/catalog/search', '/lookup', '/products', '/vendors']),
    );
    const cases = queryRoutes.flatMap((route) =>
      hostileQueryCases(route, (name) => realParam({ path: route.path } as WriteRoute, name)),
    );
    expect(cases.length).toBeGreaterThan(100);
    const baseline = await eventCount(t.events);
    const failures: string[] = [];
    for (const c of cases) {
      const response = await fastify.inject({
        method: 'GET',
        url: c.url,
        headers: { authorization },
      });
      const named = (response.json() as { fields?: { field: string }[] }).fields?.some(
        (f) => f.field === c.field,
      );
      if (response.statusCode !== 400 || !named) {
        failures.push(
          `${c.url.slice(0, 100)} (${c.label}): ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(await eventCount(t.events)).toBe(baseline);
  }, 60_000);

  it('stores names NFC-normalised, however the accents were typed', async () => {
    const id = await create('/customers', { name: 'Rene\u0301e Cafe\u0301' });
    await settle();
    const customer = (await inject('GET', `/customers/${id}`)).json() as { name: string };
    expect(customer.name).toBe('Renée Café');
    expect(customer.name).toBe(customer.name.normalize('NFC'));
  });

  it('refuses money that breaks a rule with a 400 or 422 naming it, and appends nothing', async () => {
    await settle();
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const account = `/backorders/${ids.backorder}/account`;
    // The order is invoiced at 999.00 with no tax; nothing is paid yet.
    const cases: [string, string, object, number, string][] = [
      [
        'overpayment',
        `${account}/payments`,
        { amount: usd(99901), method: 'cash' },
        422,
        'overpayment',
      ],
      [
        'overpaying deposit',
        `${account}/deposits`,
        { amount: usd(99901), method: 'card' },
        422,
        'overpayment',
      ],
      [
        'refund larger than paid',
        `${account}/refunds`,
        { amount: usd(1), method: 'cash', reason: 'x' },
        422,
        'refund-exceeds-paid',
      ],
      [
        'payment on a cancelled order',
        `/backorders/${ids.cancelledOrder}/account/payments`,
        { amount: usd(100), method: 'cash' },
        422,
        'order-cancelled',
      ],
      [
        'deposit on a cancelled order',
        `/backorders/${ids.cancelledOrder}/account/deposits`,
        { amount: usd(100), method: 'cash' },
        422,
        'order-cancelled',
      ],
      [
        'wrong currency',
        `${account}/payments`,
        { amount: { amount: 100, currency: 'EUR' }, method: 'cash' },
        400,
        'amount.currency',
      ],
      [
        'a fraction of a cent',
        `${account}/payments`,
        { amount: usd(100.5), method: 'cash' },
        400,
        'amount.amount',
      ],
      [
        'a negative amount',
        `${account}/deposits`,
        { amount: usd(-100), method: 'cash' },
        400,
        'amount.amount',
      ],
      [
        'cheque without reference',
        `${account}/payments`,
        { amount: usd(100), method: 'cheque' },
        400,
        'reference',
      ],
      [
        'transfer without reference',
        `${account}/deposits`,
        { amount: usd(100), method: 'transfer' },
        400,
        'reference',
      ],
      [
        'schedule not summing to the balance',
        `${account}/schedule`,
        {
          kind: 'installments',
          goodsReleasedWhen: 'on-agreement',
          installments: [{ installmentId: 'I1', dueOn: '2026-12-01', amount: usd(100) }],
        },
        422,
        'schedule-does-not-sum-to-balance',
      ],
      [
        'refund for a line not cancelled',
        `${account}/refunds`,
        { amount: usd(1), method: 'cash', reason: 'x', lineId: 'L1' },
        422,
        'line-not-cancelled',
      ],
      [
        'vendor bill in another currency',
        `/purchase-orders/${ids.po}/vendor-bills`,
        {
          vendorInvoiceNumber: 'INV-1',
          billedOn: '2026-10-01',
          lines: [
            { poLineId: ids.poLine, quantity: 1, unitCost: { amount: 100, currency: 'EUR' } },
          ],
        },
        400,
        'lines.0.unitCost.currency',
      ],
      [
        'vendor bill on a draft PO',
        `/purchase-orders/${ids.po}/vendor-bills`,
        {
          vendorInvoiceNumber: 'INV-1',
          billedOn: '2026-10-01',
          lines: [{ poLineId: ids.poLine, quantity: 1, unitCost: usd(100) }],
        },
        422,
        'purchase-order-not-sent',
      ],
      [
        'discount above the price at placement',
        '/backorders',
        {
          customerId: ids.customer,
          lines: [{ productId: ids.product, quantity: 1, unitDiscount: usd(99901) }],
        },
        422,
        'discount-above-price',
      ],
    ];
    const before = await eventCount(t.events);
    const answers = [];
    for (const [label, url, payload, status, names] of cases) {
      const response = await inject('POST', url, payload);
      const body = response.json() as { rule?: string; fields?: { field: string }[] };
      const named =
        status === 422 ? body.rule : body.fields?.map((f) => f.field).find((f) => f === names);
      answers.push([label, response.statusCode, named]);
    }
    await settle();
    process.stdout.write(
      `\nhostile money: ${cases.length} requests, ${answers.filter(([, s]) => Number(s) >= 500).length} server errors, ` +
        `${(await eventCount(t.events)) - before} events appended\n`,
    );
    expect(answers).toEqual(cases.map(([label, , , status, names]) => [label, status, names]));
    expect((await eventCount(t.events)) - before).toBe(0);
  });

  it('leaves Object.prototype and its kin unpolluted', () => {
    expect(prototypeKeys()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

/** Why an answer is not the clear refusal its case needs, or null when it is. */
function problemWith(kind: CaseKind, status: number, text: string, added: number): string | null {
  if (added > 0) return `appended ${added} event(s)`;
  if (!EXPECTED[kind].includes(status))
    return `status ${status}, expected ${EXPECTED[kind].join('/')}`;
  let body: { statusCode?: unknown; message?: unknown; fields?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return 'the answer is not JSON';
  }
  if (body.statusCode !== status || typeof body.message !== 'string') {
    return 'the answer lacks statusCode or message';
  }
  if (status === 400 && NEEDS_FIELDS.has(kind)) {
    const fields = body.fields as { field?: unknown; errors?: unknown }[] | undefined;
    const named =
      Array.isArray(fields) &&
      fields.length > 0 &&
      fields.every(
        (f) => typeof f.field === 'string' && Array.isArray(f.errors) && f.errors.length > 0,
      );
    if (!named) return 'a 400 without a fields list';
  }
  return null;
}
