import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ANY_SIGNED_IN, PUBLIC_ROUTE } from '../../src/auth/access.decorators';
import { userIdOf } from '../../src/auth/user-id';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { streams } from '../../src/shared/eventstore/stream-names';
import { controllerRoutes } from '../support/app-routes';
import {
  eventCount,
  STAFF_ROLES,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../support/test-app';
import { collect } from '../support/events';

const FIRST_ADMIN_PASSWORD = 'first admin password';
const NEW_PASSWORD = 'a new password, long enough';

/** Routes that need more than being signed in: closed to a one-time password. */
function rolesRoutes(t: TestApp): { method: string; path: string }[] {
  const reflector = new Reflector();
  return controllerRoutes(t.app)
    .filter(
      ({ handler, controller }) =>
        !reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller]) &&
        !reflector.getAllAndOverride<boolean>(ANY_SIGNED_IN, [handler, controller]),
    )
    .map(({ method, path }) => ({ method, path: path.replace(/:\w+/g, () => randomUUID()) }));
}

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

/** An error answer as clients see it: JSON of one shape, no stack trace, no source path. */
function expectCleanError(answer: request.Response, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({ statusCode: status, message: expect.any(String) });
  expect(keysOf(answer.body)).not.toContain('stack');
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|\.ts:\d+|node_modules|Error:/);
}

describe('signing in and what it allows', () => {
  let t: TestApp;
  const server = () => request(t.app.getHttpServer());
  const login = (username: string, password: string) =>
    server().post('/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => server().get('/auth/me').set(bearer(token));
  const stream = (username: string) => t.events.readStream(streams.user(userIdOf(username)));
  const last = async (username: string): Promise<RecordedEvent> =>
    (await stream(username)).at(-1) as RecordedEvent;
  const withoutRequestId = ({ requestId, ...body }: Record<string, unknown>) => {
    expect(requestId).toEqual(expect.any(String));
    return body;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the first admin', () => {
    let oneTimeToken: string;
    let newToken: string;

    it('signs in with the one-time password and is told to replace it', async () => {
      const signedIn = await login('admin', FIRST_ADMIN_PASSWORD);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        passwordChangeRequired: true,
        roles: ['admin'],
      });
      oneTimeToken = signedIn.body.accessToken;
      expect((await stream('admin')).map((e) => [e.type, e.metadata.actor])).toEqual([
        ['UserCreated', 'system'],
        ['UserLoggedIn', 'admin'],
      ]);
    });

    it('gets 403 on every route but changing the password until it is changed', async () => {
      const routes = rolesRoutes(t);
      expect(routes.length).toBeGreaterThan(40);
      const statuses = await Promise.all(
        routes.map(async ({ method, path }) => {
          const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch';
          const answer = await server()[verb](path).set(bearer(oneTimeToken)).send({});
          return `${method} ${path}: ${answer.status}`;
        }),
      );
      expect(statuses.filter((line) => !line.endsWith(': 403'))).toEqual([]);
      const refused = await server().get('/users').set(bearer(oneTimeToken));
      expect(refused.body.message).toMatch(/POST \/auth\/password/);
      expect((await me(oneTimeToken)).body).toMatchObject({
        actor: 'admin',
        mustChangePassword: true,
      });
    });

    it('must give the current password, and a new one', async () => {
      const change = (currentPassword: string, newPassword: string) =>
        server()
          .post('/auth/password')
          .set(bearer(oneTimeToken))
          .send({ currentPassword, newPassword });
      const wrong = await change('not the password', NEW_PASSWORD);
      expect(wrong.status).toBe(422);
      expect(wrong.body.rule).toBe('current-password-wrong');
      const same = await change(FIRST_ADMIN_PASSWORD, FIRST_ADMIN_PASSWORD);
      expect(same.status).toBe(422);
      expect(same.body.rule).toBe('password-unchanged');
      expect((await change(FIRST_ADMIN_PASSWORD, 'short')).status).toBe(400);
      // NIST SP 800-63B: no common or breached password, nothing built on the username.
      for (const [weak, why] of [
        ['password1234', /easy to guess|common/],
        ['qwertyuiop123', /easy to guess|common/],
        ['admin2026admin!', /username/],
        ['aaaaaaaaaaaaaaaa', /easy to guess/],
      ] as const) {
        const refused = await change(FIRST_ADMIN_PASSWORD, weak);
        expect(refused.status).toBe(400);
        expect(refused.body.fields).toEqual([
          { field: 'newPassword', errors: [expect.stringMatching(why)] },
        ]);
      }
    });

    it('changes the password, which ends the one-time session and opens a full one', async () => {
      const changed = await server()
        .post('/auth/password')
        .set(bearer(oneTimeToken))
        .send({ currentPassword: FIRST_ADMIN_PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ passwordChangeRequired: false, roles: ['admin'] });
      newToken = changed.body.accessToken;
      expect(await last('admin')).toMatchObject({
        type: 'UserPasswordChanged',
        data: { mustChangePassword: false, how: 'self' },
        metadata: { actor: 'admin' },
      });
      expect(JSON.stringify(await last('admin'))).not.toContain(NEW_PASSWORD);

      expect((await me(oneTimeToken)).status).toBe(401);
      expect((await server().get('/users').set(bearer(oneTimeToken))).status).toBe(401);
      expect((await server().get('/users').set(bearer(newToken))).status).toBe(200);
    });

    it('signs in with the new password only', async () => {
      expect((await login('admin', FIRST_ADMIN_PASSWORD)).status).toBe(401);
      const signedIn = await login('admin', NEW_PASSWORD);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.passwordChangeRequired).toBe(false);
    });
  });

  describe('a refused sign-in', () => {
    beforeAll(async () => {
      await t.as('maria', ['sales']);
    });

    it('answers 401 alike for a wrong password and an unknown user', async () => {
      const wrongPassword = await login('maria', 'not her password');
      const unknownUser = await login('nobody-here', 'not her password');
      expectCleanError(wrongPassword, 401);
      expectCleanError(unknownUser, 401);
      expect(withoutRequestId(wrongPassword.body)).toEqual(withoutRequestId(unknownUser.body));
      expect(wrongPassword.text).not.toMatch(/maria|nobody|exist|unknown/i);
    });

    it('records the failure with its reason, as nobody’s act, also for an unknown name', async () => {
      expect(await last('maria')).toMatchObject({
        type: 'UserLoginFailed',
        data: { userId: userIdOf('maria'), username: 'maria', reason: 'wrong-password' },
        metadata: { actor: 'anonymous' },
      });
      expect(await stream('nobody-here')).toEqual([
        expect.objectContaining({
          type: 'UserLoginFailed',
          data: {
            userId: userIdOf('nobody-here'),
            username: 'nobody-here',
            reason: 'unknown-user',
          },
          metadata: expect.objectContaining({ actor: 'anonymous' }),
        }),
      ]);
    });

    it('never records the password typed', async () => {
      const failed = await stream('maria');
      expect(JSON.stringify(failed)).not.toContain('not her password');
    });

    it('does not mind case or spaces around the username', async () => {
      const signedIn = await login('  Maria ', TEST_PASSWORD);
      expect(signedIn.status).toBe(200);
      expect(await last('maria')).toMatchObject({ type: 'UserLoggedIn' });
    });
  });

  describe('a user the admin manages', () => {
    let carolId: string;
    let carolToken: string;
    let admin: Awaited<ReturnType<TestApp['as']>>;

    beforeAll(async () => {
      admin = await t.as('staff');
    });

    it('is created with a one-time password and a role', async () => {
      const created = await admin
        .post('/users')
        .send({ username: 'carol', displayName: 'Carol King', roles: ['sales'] });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: userIdOf('carol'),
        username: 'carol',
        oneTimePassword: expect.stringMatching(/^[\w-]{20}$/),
      });
      carolId = created.body.id;
      expect(JSON.stringify(await stream('carol'))).not.toContain(created.body.oneTimePassword);
      const first = await login('carol', created.body.oneTimePassword);
      expect(first.body.passwordChangeRequired).toBe(true);
      const changed = await server()
        .post('/auth/password')
        .set(bearer(first.body.accessToken))
        .send({ currentPassword: created.body.oneTimePassword, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(200);
      carolToken = changed.body.accessToken;
      const registered = await server()
        .post('/customers')
        .set(bearer(carolToken))
        .send({ name: 'Eve Adams' });
      expect(registered.status).toBe(201);
    });

    it('gets new roles at once: recorded, and her open session ends', async () => {
      const changed = await admin.put(`/users/${carolId}/roles`).send({ roles: ['purchasing'] });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ id: carolId, changed: true });
      expect(await last('carol')).toMatchObject({
        type: 'UserRolesChanged',
        data: { userId: carolId, from: ['sales'], to: ['purchasing'] },
        metadata: { actor: 'staff' },
      });
      expect((await me(carolToken)).status).toBe(401);

      const signedIn = await login('carol', NEW_PASSWORD);
      expect(signedIn.body.roles).toEqual(['purchasing']);
      const token = signedIn.body.accessToken;
      expect(
        (await server().post('/customers').set(bearer(token)).send({ name: 'Eve' })).status,
      ).toBe(403);
      expect((await server().get('/vendors').set(bearer(token))).status).toBe(200);
    });

    it('keeps the same roles without an event, and refuses an auditor who writes', async () => {
      const before = await eventCount(t.events);
      const same = await admin.put(`/users/${carolId}/roles`).send({ roles: ['purchasing'] });
      expect(same.body).toEqual({ id: carolId, changed: false });
      const mixed = await admin
        .put(`/users/${carolId}/roles`)
        .send({ roles: ['auditor', 'purchasing'] });
      expect(mixed.status).toBe(422);
      expect(mixed.body.rule).toBe('auditor-is-read-only');
      expect(await eventCount(t.events)).toBe(before);
    });

    it('cannot sign in once disabled, and is told no more than for a wrong password', async () => {
      const session = (await login('carol', NEW_PASSWORD)).body.accessToken;
      const disabled = await admin.post(`/users/${carolId}/disable`).send({ reason: 'left' });
      expect(disabled.status).toBe(200);
      expect(await last('carol')).toMatchObject({
        type: 'UserDisabled',
        data: { userId: carolId, reason: 'left' },
      });
      expect((await me(session)).status).toBe(401);

      const refused = await login('carol', NEW_PASSWORD);
      const wrong = await login('carol', 'not the password');
      expectCleanError(refused, 401);
      expect(withoutRequestId(refused.body)).toEqual(withoutRequestId(wrong.body));
      const failures = (await stream('carol')).slice(-2).map((e) => e.data);
      expect(failures).toEqual([
        { userId: carolId, username: 'carol', reason: 'disabled' },
        { userId: carolId, username: 'carol', reason: 'wrong-password' },
      ]);
    });

    it('signs in again once enabled', async () => {
      expect((await admin.post(`/users/${carolId}/enable`)).status).toBe(200);
      expect((await login('carol', NEW_PASSWORD)).status).toBe(200);
    });

    it('lets no admin lock themselves out: neither disabling nor dropping their own admin role', async () => {
      const before = await eventCount(t.events);
      const self = userIdOf('staff');
      const demoted = await admin.put(`/users/${self}/roles`).send({ roles: ['sales'] });
      const disabled = await admin.post(`/users/${self}/disable`).send({ reason: 'oops' });
      for (const refused of [demoted, disabled]) {
        expect(refused.status).toBe(422);
        expect(refused.body.rule).toBe('admin-cannot-lock-self-out');
      }
      expect(await eventCount(t.events)).toBe(before);
      // Naming their own roles, admin included, is fine.
      const kept = await admin.put(`/users/${self}/roles`).send({ roles: [...STAFF_ROLES] });
      expect(kept.status).toBe(200);
    });
  });

  describe('refreshing a session', () => {
    it('gives new tokens until the password changes', async () => {
      await t.as('dave', ['receiving']);
      const signedIn = await login('dave', TEST_PASSWORD);
      const refresh = (refreshToken: string) =>
        server().post('/auth/refresh').send({ refreshToken });

      const refreshed = await refresh(signedIn.body.refreshToken);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toMatchObject({ passwordChangeRequired: false, roles: ['receiving'] });
      expect((await me(refreshed.body.accessToken)).status).toBe(200);

      const changed = await server()
        .post('/auth/password')
        .set(bearer(refreshed.body.accessToken))
        .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(200);
      expectCleanError(await refresh(signedIn.body.refreshToken), 401);
      expect((await refresh(refreshed.body.refreshToken)).status).toBe(401);
      expect((await me(refreshed.body.accessToken)).status).toBe(401);
      expect((await refresh(changed.body.refreshToken)).status).toBe(200);
    });

    it('rotates the refresh token, and ends the session when a spent one comes back', async () => {
      await t.as('erin', ['sales']);
      const signedIn = await login('erin', TEST_PASSWORD);
      const refresh = (refreshToken: string) =>
        server().post('/auth/refresh').send({ refreshToken });
      const first = await refresh(signedIn.body.refreshToken);
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(signedIn.body.refreshToken);
      const second = await refresh(first.body.refreshToken);
      expect(second.status).toBe(200);

      // The sign-in's own token again: a copy someone kept. Both holders are out.
      expectCleanError(await refresh(signedIn.body.refreshToken), 401);
      expectCleanError(await refresh(second.body.refreshToken), 401);
      const ended = (await collect(t.events.readAll())).filter(
        (event) => event.type === 'SessionFamilyEnded',
      );
      expect(ended.map((event) => event.data)).toEqual([
        expect.objectContaining({ reason: 'refresh-token-reused', reusedGeneration: 0 }),
      ]);
      // Signing in again starts a new session.
      const again = await login('erin', TEST_PASSWORD);
      expect((await refresh(again.body.refreshToken)).status).toBe(200);
    });

    it('refuses a refresh token that is not one', async () => {
      expectCleanError(
        await server().post('/auth/refresh').send({ refreshToken: 'not-a-token' }),
        401,
      );
    });
  });

  describe('the HTTP surface', () => {
    it('sets the security headers on every answer, errors included', async () => {
      for (const answer of [await server().get('/health'), await server().get('/backorders')]) {
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
        expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(answer.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('lets no other origin in by default', async () => {
      const preflight = await server()
        .options('/customers')
        .set('Origin', 'https://shop.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
      const read = await server().get('/health').set('Origin', 'https://shop.example');
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('never puts a stack trace in an error answer', async () => {
      const staff = await t.as('staff');
      expectCleanError(await server().get('/backorders'), 401);
      expectCleanError(await (await t.as('maria')).post('/vendors').send({}), 403);
      expectCleanError(await staff.get('/no-such-route'), 404);
      expectCleanError(await staff.get(`/vendors/${randomUUID()}`), 404);
      expectCleanError(await staff.get('/vendors/not-a-uuid'), 400);
      expectCleanError(await staff.post('/vendors').send({ name: 1 }), 400);
      expectCleanError(
        await staff.post('/vendors').set('Content-Type', 'application/json').send('{"name":'),
        400,
      );
      expectCleanError(
        await staff.post('/vendors').set('Content-Type', 'text/plain').send('hello'),
        415,
      );
      expectCleanError(
        await staff.post(`/users/${randomUUID()}/disable`).send({ reason: 'gone' }),
        404,
      );
      expectCleanError(
        await staff.put(`/users/${userIdOf('maria')}/roles`).send({ roles: [] }),
        400,
      );
      expectCleanError(
        await staff.put(`/users/${userIdOf('maria')}/roles`).send({ roles: ['auditor', 'sales'] }),
        422,
      );
    });

    it('keeps an Idempotency-Key per user: the same key from two users makes two orders', async () => {
      const staff = await t.as('staff');
      const vendor = await staff
        .post('/vendors')
        .send({ name: 'Oriental Weavers', leadTimeDays: 30, consolidation: 'weekly' });
      const product = await staff.post('/products').send({
        vendorId: vendor.body.id,
        vendorSku: 'OW-1',
        name: 'Bokhara',
        cost: { amount: 30000, currency: 'USD' },
        retailPrice: { amount: 79900, currency: 'USD' },
      });
      const customer = await staff.post('/customers').send({ name: 'Eve Adams' });
      const order = {
        customerId: customer.body.id,
        lines: [{ productId: product.body.id, quantity: 1 }],
      };
      const place = async (username: string) =>
        (await t.as(username, ['sales']))
          .post('/backorders')
          .set('Idempotency-Key', 'order-eve-1')
          .send(order);

      const sams = await place('sam');
      const sues = await place('sue');
      const samAgain = await place('sam');

      expect([sams.status, sues.status, samAgain.status]).toEqual([201, 201, 201]);
      expect(sues.body.id).not.toBe(sams.body.id);
      expect(sues.headers['idempotent-replayed']).toBeUndefined();
      expect(samAgain.body).toEqual(sams.body);
      expect(samAgain.headers['idempotent-replayed']).toBe('true');
      const placedBy = async (id: string) =>
        (await t.events.readStream(streams.backorder(id)))[0].metadata.actor;
      expect([await placedBy(sams.body.id), await placedBy(sues.body.id)]).toEqual(['sam', 'sue']);
    });
  });
});

describe('limits and CORS when configured', () => {
  let t: TestApp;
  const server = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_ATTEMPTS_PER_MINUTE: '3',
      WRITES_PER_SECOND: '3',
      CORS_ORIGINS: 'https://shop.example, https://admin.example',
    });
    await Promise.all([t.as('amy', ['sales']), t.as('ben', ['sales'])]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers the 4th sign-in attempt in a minute with 429, even with the right password', async () => {
    const attempt = (password: string) =>
      server().post('/auth/login').send({ username: 'amy', password });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt('guess')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const before = await eventCount(t.events);
    expectCleanError(await attempt(TEST_PASSWORD), 429);
    expect(await eventCount(t.events)).toBe(before);
    // Counted per username: another user from the same address still signs in.
    expect(
      (await server().post('/auth/login').send({ username: 'ben', password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('counts refreshes per session, so that users behind one address do not share a limit', async () => {
    await Promise.all([t.as('cal', ['sales']), t.as('dee', ['sales'])]);
    const refreshTokenOf = async (username: string) =>
      (await server().post('/auth/login').send({ username, password: TEST_PASSWORD })).body
        .refreshToken as string;
    // Each refresh hands out the session's next token: the session, not the token, is counted.
    const latest = new Map([
      ['cal', await refreshTokenOf('cal')],
      ['dee', await refreshTokenOf('dee')],
    ]);
    const refresh = async (username: string) => {
      const answer = await server()
        .post('/auth/refresh')
        .send({ refreshToken: latest.get(username) });
      if (answer.status === 200) latest.set(username, answer.body.refreshToken as string);
      return answer;
    };
    const answers = [];
    for (const username of ['cal', 'cal', 'dee', 'dee', 'cal', 'cal']) {
      answers.push(await refresh(username));
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429]);
    // The standard header says when to come back, in seconds.
    expect(Number(answers[5].headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('answers a burst of writes by one user with 429, leaving another user alone', async () => {
    const amy = await t.as('amy');
    const ben = await t.as('ben');
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => amy.post('/customers').send({ name: `Guest ${i}` })),
    );
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s !== 429)).toEqual([201, 201, 201]);
    expectCleanError(burst.find((answer) => answer.status === 429) as request.Response, 429);
    expect((await ben.post('/customers').send({ name: 'Ben’s guest' })).status).toBe(201);
    // Reads are not limited.
    const reads = await Promise.all(Array.from({ length: 8 }, () => amy.get('/customers')));
    expect(reads.map((answer) => answer.status)).toEqual(Array(8).fill(200));
  });

  it('lets a configured origin in, and no other', async () => {
    const preflight = (origin: string) =>
      server()
        .options('/customers')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
    const allowed = await preflight('https://shop.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const read = await server().get('/health').set('Origin', 'https://admin.example');
    expect(read.headers['access-control-allow-origin']).toBe('https://admin.example');
  });
});
