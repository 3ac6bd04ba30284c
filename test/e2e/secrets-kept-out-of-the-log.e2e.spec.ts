import { parseApiKey } from '../../src/auth/api-key-format';
import { collect } from '../support/events';
import { startTestApp, type TestApp } from '../support/test-app';

/** Tokens, one-time passwords and API keys are answered once and never written to the log. */
describe('secrets kept out of the log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records no answer that carries a secret, even with an Idempotency-Key', async () => {
    const made = await t.http
      .post('/users')
      .set('Idempotency-Key', 'new-user-1')
      .send({ username: 'ines', roles: ['sales'] })
      .expect(201);
    const oneTimePassword: string = made.body.oneTimePassword;
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);

    const signedIn = await t.anonymous
      .post('/auth/login')
      .set('Idempotency-Key', 'login-1')
      .send({ username: 'ines', password: oneTimePassword })
      .expect(200);
    const changed = await t.anonymous
      .post('/auth/password')
      .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
      .set('Idempotency-Key', 'password-1')
      .send({ currentPassword: oneTimePassword, newPassword: 'ines own long password' })
      .expect(200);
    const reset = await t.http
      .post(`/users/${made.body.id}/reset-password`)
      .set('Idempotency-Key', 'reset-1')
      .expect(200);
    const key = await t.http
      .post('/api-keys')
      .set('Idempotency-Key', 'key-1')
      .send({ name: 'web-shop', roles: ['sales'] })
      .expect(201);

    const secrets = [
      oneTimePassword,
      'ines own long password',
      signedIn.body.accessToken,
      signedIn.body.refreshToken,
      changed.body.accessToken,
      reset.body.oneTimePassword,
      key.body.key,
      // The secret part; base64url may itself hold `_`, so split('_') could cut it short.
      parseApiKey(key.body.key)?.secret as string,
    ];
    const log = (await collect(t.events.readAll())).map((e) => JSON.stringify(e));
    expect(log.some((e) => e.includes('UserPasswordChanged'))).toBe(true);
    for (const secret of secrets) {
      expect(typeof secret).toBe('string');
      expect(log.filter((e) => e.includes(secret))).toEqual([]);
    }
    expect(log.filter((e) => e.includes('IdempotentRequestCompleted'))).toEqual([]);
  });
});
