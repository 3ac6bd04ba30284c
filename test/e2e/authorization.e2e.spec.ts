import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ALLOWED_ROLES, ANY_SIGNED_IN, PUBLIC_ROUTE } from '../../src/auth/access.decorators';
import { ROLES, type Role, type WritingRole } from '../../src/auth/roles';
import { userIdOf } from '../../src/auth/user-id';
import { streams } from '../../src/shared/eventstore/stream-names';
import { type AppRoute, controllerRoutes, mountedRoutes } from '../support/app-routes';
import { eventCount, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

/** Who may call a route: anyone, anyone signed in, or the holders of these roles. */
type Policy = 'public' | 'signed-in' | readonly WritingRole[];

const READERS: readonly WritingRole[] = ['sales', 'purchasing', 'receiving', 'accounting'];

/**
 * The access policy as it is meant to be: every route of the app, and who may use it. Reads
 * (GET, HEAD) are also open to auditors, who may never write. A route added, removed or opened
 * to another role must be added here too, on purpose.
 */
const EXPECTED: Readonly<Record<string, Policy>> = {
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/password': 'signed-in',
  'GET /auth/me': 'signed-in',

  'POST /users': ['admin'],
  'GET /users': ['admin'],
  'GET /users/:id': ['admin'],
  'PUT /users/:id/roles': ['admin'],
  'POST /users/:id/disable': ['admin'],
  'POST /users/:id/enable': ['admin'],
  'POST /users/:id/reset-password': ['admin'],
  'POST /api-keys': ['admin'],
  'GET /api-keys': ['admin'],
  'POST /api-keys/:id/revoke': ['admin'],
  // Verification reads the log and writes nothing: admins and auditors.
  'GET /audit/verify': ['admin'],
  'GET /audit/verify/jobs/:id': ['admin'],

  'POST /vendors': ['purchasing'],
  'PATCH /vendors/:id': ['purchasing'],
  'GET /vendors': READERS,
  'GET /vendors/:id': READERS,

  'POST /products': ['purchasing'],
  'PATCH /products/:id': ['purchasing'],
  'GET /products': READERS,
  'GET /products/:id': READERS,
  'GET /catalog/search': READERS,
  'POST /catalog/imports': ['purchasing'],
  'GET /catalog/imports/:id': READERS,
  'GET /catalog/imports/:id/changes': READERS,
  'POST /catalog/imports/:id/apply': ['purchasing'],
  'PUT /vendors/:id/import-profiles/:name': ['purchasing'],
  'GET /vendors/:id/import-profiles': READERS,
  'POST /products/:id/images': ['purchasing'],
  'GET /images/:hash': READERS,
  'GET /images/:hash/:variant': READERS,

  'POST /customers': ['sales'],
  'PATCH /customers/:id': ['sales'],
  'GET /customers': ['sales', 'accounting'],
  'GET /customers/:id': ['sales', 'accounting'],
  'POST /customers/:id/tax-exemption': ['sales', 'accounting'],
  'POST /customers/:id/tax-exemption/revoke': ['sales', 'accounting'],

  'GET /stock': ['sales', 'receiving', 'purchasing'],
  'POST /stock/adjustments': ['receiving'],

  'POST /purchase-orders': ['purchasing'],
  'GET /purchase-orders': READERS,
  'GET /purchase-orders/drafts': READERS,
  'GET /purchase-orders/:id': READERS,
  'GET /purchase-orders/:id/receiving': ['receiving', 'purchasing'],
  'POST /purchase-orders/:id/submit': ['purchasing'],
  'POST /purchase-orders/:id/acknowledge': ['purchasing'],
  'POST /purchase-orders/:id/lines/:lineId/eta': ['purchasing'],
  'POST /purchase-orders/:id/lines/:lineId/cancel': ['purchasing'],
  'POST /purchase-orders/:id/cancel': ['purchasing'],
  'POST /purchase-orders/:id/close': ['purchasing'],
  'POST /purchase-orders/:id/receipts': ['receiving'],
  'GET /receipts/:id': ['receiving', 'purchasing'],

  'POST /backorders': ['sales'],
  'GET /backorders': READERS,
  'GET /backorders/:id': READERS,
  'GET /backorders/:id/timeline': READERS,
  'POST /backorders/:id/lines/:lineId/link-stock': ['sales'],
  'POST /backorders/:id/lines/:lineId/order': ['sales'],
  'POST /backorders/:id/lines/:lineId/change': ['sales'],
  'POST /backorders/:id/lines/:lineId/cancel': ['sales'],
  'POST /backorders/:id/lines/:lineId/fulfil': ['sales', 'receiving'],
  'POST /backorders/:id/lines/:lineId/substitution': ['sales'],
  'GET /lookup': ['sales', 'purchasing', 'receiving', 'accounting'],

  // Money: the counter takes deposits and payments, accounting keeps the books, auditors read.
  'GET /backorders/:id/account': ['sales', 'accounting'],
  'POST /backorders/:id/account/deposits': ['sales', 'accounting'],
  'POST /backorders/:id/account/payments': ['sales', 'accounting'],
  'POST /backorders/:id/account/refunds': ['accounting', 'sales'],
  'POST /backorders/:id/account/schedule': ['sales', 'accounting'],
  'GET /accounts/open-balances': ['accounting', 'sales'],
  'GET /accounts/overdue-installments': ['accounting', 'sales'],
  'POST /purchase-orders/:id/vendor-bills': ['accounting'],
  'GET /purchase-orders/:id/vendor-bills': ['accounting', 'purchasing'],

  'GET /accounting/journal': ['accounting'],
  'GET /accounting/trial-balance': ['accounting'],
  'GET /accounting/profit-and-loss': ['accounting'],
  'GET /accounting/contract-liability': ['accounting'],
  'GET /accounting/compare': ['accounting'],
  'GET /accounting/invariants': ['accounting'],
  'POST /accounting/replays': ['accounting'],
  'GET /accounting/replays/:jobId': ['accounting'],
  'GET /books/:bookId': ['accounting'],
  'GET /books/:bookId/restatement': ['accounting'],
  'POST /books/:bookId/policy': ['accounting'],
  'POST /books/:bookId/periods': ['accounting'],
  'POST /books/:bookId/adjustments': ['accounting'],
};

/** Writes nothing, only recomputes from the log: auditors may run these besides reading. */
const VERIFICATIONS: ReadonlySet<string> = new Set(['POST /accounting/replays']);

type Route = AppRoute;

function declaredPolicy(route: Route): Policy | 'closed' {
  const reflector = new Reflector();
  const targets = [route.handler, route.controller];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return 'public';
  if (reflector.getAllAndOverride<boolean>(ANY_SIGNED_IN, targets)) return 'signed-in';
  return reflector.getAllAndOverride<WritingRole[] | undefined>(ALLOWED_ROLES, targets) ?? 'closed';
}

/** Whether a user holding only this role may call the route, by the expected policy. */
function mayCall(policy: Policy, method: string, role: Role, path = ''): boolean {
  if (policy === 'public' || policy === 'signed-in') return true;
  if (role === 'auditor')
    return method === 'GET' || method === 'HEAD' || VERIFICATIONS.has(`${method} ${path}`);
  return policy.includes(role);
}

/** Path parameters filled with values of the shape each route expects. */
function concretePath(path: string): string {
  return path
    .replace(/^\/api-keys\/:id/, `/api-keys/${randomUUID().replaceAll('-', '')}`)
    .replace(/^(\/backorders\/:id\/lines)\/:lineId/, '$1/L1')
    .replace(/:[A-Za-z]+/g, () => randomUUID());
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

describe('who may call which route', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = controllerRoutes(t.app);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('finds every route of the app in the policy table, and every listed route in the app', () => {
    const discovered = routes.map((route) => route.key).sort();
    expect(discovered.length).toBeGreaterThan(0);
    expect(discovered).toEqual(Object.keys(EXPECTED).sort());
    expect(mountedRoutes(t.app)).toEqual(discovered);
  });

  it('declares on each route exactly the policy of the table', () => {
    const sorted = (policy: Policy | 'closed' | undefined) =>
      Array.isArray(policy) ? [...(policy as WritingRole[])].sort() : policy;
    const declared = Object.fromEntries(
      routes.map((route) => [route.key, sorted(declaredPolicy(route))] as const),
    );
    const expected = Object.fromEntries(
      routes.map((route) => [route.key, sorted(EXPECTED[route.key])] as const),
    );
    expect(declared).toEqual(expected);
  });

  // Every route times every role, about 700 requests: more time than the default.
  it('grants each role exactly its routes, refuses the rest with 403 and strangers with 401', async () => {
    const users = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [role, await t.as(`${role}-1`, [role])] as const),
      ),
    );
    const before = await eventCount(t.events);
    const wrong: string[] = [];
    let checks = 0;
    let refusals = 0;
    for (const route of routes) {
      const policy = EXPECTED[route.key];
      const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
      for (const method of methods) {
        const call = (agent: request.Agent | ReturnType<typeof request>) => {
          const url = concretePath(route.path);
          const verb = method.toLowerCase() as 'get' | 'head' | 'post' | 'put' | 'patch';
          const pending = agent[verb](url);
          return isRead(method) ? pending : pending.send({});
        };
        for (const role of ROLES) {
          const { status } = await call(users[role]);
          const allowed = mayCall(policy, method, role, route.path);
          checks++;
          if (!allowed) refusals++;
          if (allowed ? status === 401 || status === 403 : status !== 403) {
            wrong.push(
              `${method} ${route.path} as ${role}: ${status}, expected ${allowed ? 'any but 401/403' : 403}`,
            );
          }
          // Only changing one's own password (a signed-in route) is open to an auditor's write.
          const verification = VERIFICATIONS.has(`${method} ${route.path}`);
          if (
            role === 'auditor' &&
            !isRead(method) &&
            !verification &&
            Array.isArray(policy) &&
            status !== 403
          ) {
            wrong.push(`${method} ${route.path}: the auditor wrote (${status})`);
          }
        }
        const anonymous = await call(request(t.app.getHttpServer()));
        checks++;
        if (policy === 'public') {
          if (anonymous.status === 401 || anonymous.status === 403) {
            wrong.push(`${method} ${route.path} without credentials: ${anonymous.status}, public`);
          }
        } else if (anonymous.status !== 401 || anonymous.headers['www-authenticate'] !== 'Bearer') {
          wrong.push(
            `${method} ${route.path} without credentials: ${anonymous.status}, expected 401`,
          );
        }
      }
    }
    process.stdout.write(
      `authorization matrix: ${routes.length} routes (${checks / (ROLES.length + 1)} counting HEAD), ` +
        `${ROLES.length} roles + no credentials: ${checks} requests, ${refusals} refused by role, ` +
        `${wrong.length} wrong\n`,
    );
    expect(wrong).toEqual([]);
    // Refused requests, and allowed ones with an empty body, change nothing.
    expect(await eventCount(t.events)).toBe(before);
  }, 60_000);

  describe('tokens', () => {
    const ISSUER = 'backorder-ledger';
    let userId: string;
    let jwt: JwtService;
    const me = (token: string) =>
      request(t.app.getHttpServer()).get('/auth/me').set('Authorization', `Bearer ${token}`);
    const now = () => Math.floor(Date.now() / 1000);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');

    beforeAll(async () => {
      await t.as('tess', ['sales']);
      userId = userIdOf('tess');
      jwt = t.app.get(JwtService);
    });

    it('accepts a token signed as the app signs them (what the refusals below vary)', async () => {
      const token = await jwt.signAsync(
        { sub: userId, sv: 0, typ: 'access', iat: now(), exp: now() + 60 },
        { issuer: ISSUER },
      );
      const answer = await me(token);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ kind: 'user', id: userId, actor: 'tess' });
    });

    it('refuses an expired access token', async () => {
      const token = await jwt.signAsync(
        { sub: userId, sv: 0, typ: 'access', iat: now() - 100, exp: now() - 10 },
        { issuer: ISSUER },
      );
      expect((await me(token)).status).toBe(401);
    });

    it('refuses a token whose payload, signature, algorithm, key or issuer is not the app’s', async () => {
      const valid = await t.tokenFor('tess');
      const [header, payload, signature] = valid.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
      const staff = encode({ ...claims, sub: userIdOf('staff') });
      const middle = Math.floor(signature.length / 2);
      const otherSignature =
        signature.slice(0, middle) +
        (signature[middle] === 'A' ? 'B' : 'A') +
        signature.slice(middle + 1);
      const forged = {
        'another payload': `${header}.${staff}.${signature}`,
        'another signature': `${header}.${payload}.${otherSignature}`,
        'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${staff}.`,
        'HS512 with the right key': await jwt.signAsync(claims, { algorithm: 'HS512' }),
        'another key': await jwt.signAsync(claims, { secret: 'a'.repeat(48) }),
        'another issuer': await jwt.signAsync(
          { sub: userId, sv: 0, typ: 'access' },
          { issuer: 'someone-else', expiresIn: 60 },
        ),
        'no issuer': await jwt.signAsync({ sub: userId, sv: 0, typ: 'access' }, { expiresIn: 60 }),
        garbage: 'not.a.token',
      };
      expect((await me(valid)).status).toBe(200);
      const statuses = Object.fromEntries(
        await Promise.all(
          Object.entries(forged).map(async ([name, token]) => [name, (await me(token)).status]),
        ),
      );
      expect(statuses).toEqual(Object.fromEntries(Object.keys(forged).map((name) => [name, 401])));
    });

    it('refuses a refresh token used as an access token, and an access token used to refresh', async () => {
      const signedIn = await t.anonymous
        .post('/auth/login')
        .send({ username: 'tess', password: TEST_PASSWORD });
      expect(signedIn.status).toBe(200);
      expect((await me(signedIn.body.accessToken)).status).toBe(200);
      expect((await me(signedIn.body.refreshToken)).status).toBe(401);
      const refreshed = await t.anonymous
        .post('/auth/refresh')
        .send({ refreshToken: signedIn.body.accessToken });
      expect(refreshed.status).toBe(401);
    });
  });

  describe('API keys', () => {
    let key: string;
    let keyId: string;
    const withKey = (apiKey: string) => ({
      post: (url: string) => request(t.app.getHttpServer()).post(url).set('X-Api-Key', apiKey),
      get: (url: string) => request(t.app.getHttpServer()).get(url).set('X-Api-Key', apiKey),
    });

    it('issues a key shown once, with its roles', async () => {
      const issued = await t.http
        .post('/api-keys')
        .send({ name: 'web-shop-sync', roles: ['sales'] });
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({ name: 'web-shop-sync', roles: ['sales'] });
      ({ key, id: keyId } = issued.body);
      expect(key).toMatch(new RegExp(`^blk_${keyId}_`));
    });

    it('acts with its roles, under its own name', async () => {
      const registered = await withKey(key).post('/customers').send({ name: 'Eve Adams' });
      expect(registered.status).toBe(201);
      const [event] = await t.events.readStream(streams.customer(registered.body.id));
      expect(event.metadata.actor).toBe('api-key:web-shop-sync');
      expect((await withKey(key).get('/auth/me')).body).toMatchObject({
        kind: 'api-key',
        id: keyId,
        actor: 'api-key:web-shop-sync',
        roles: ['sales'],
      });
      expect((await withKey(key).post('/vendors').send({})).status).toBe(403);
      expect((await withKey(key).get('/users')).status).toBe(403);
    });

    it('refuses a malformed key and a key with a wrong secret', async () => {
      const wrongSecret = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      expect((await withKey('blk_nonsense').get('/auth/me')).status).toBe(401);
      expect((await withKey(wrongSecret).get('/auth/me')).status).toBe(401);
    });

    it('stops working the moment it is revoked', async () => {
      const revoked = await t.http.post(`/api-keys/${keyId}/revoke`).send({ reason: 'leaked' });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toEqual({ id: keyId, revoked: true, changed: true });
      const [, revocation] = await t.events.readStream(streams.apiKey(keyId));
      expect(revocation).toMatchObject({
        type: 'ApiKeyRevoked',
        data: { keyId, reason: 'leaked' },
        metadata: { actor: 'staff' },
      });
      expect((await withKey(key).post('/customers').send({ name: 'Eve Adams' })).status).toBe(401);
      expect((await withKey(key).get('/auth/me')).status).toBe(401);
    });
  });
});
