import { SeedRefused, seedDemo } from '../../scripts/seed-demo';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

/** The demo seed on a small shop: every stage of the flow shows, and nothing stopped on the way. */
describe('npm run seed:demo', () => {
  let t: TestApp;
  const options = { products: 200, customers: 30, seed: 7, force: false };
  const found = async (url: string) => (await t.http.get(url).expect(200)).body.items.length > 0;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.app, options);
  }, 180_000);
  afterAll(() => t.close());

  it.each([
    'awaiting-link',
    'to-order|on-po',
    'partially-received',
    'set-aside|ready',
    'picked-up',
    'cancelled',
    'exception',
  ])('leaves backorder lines %s', async (statuses) => {
    const present = await Promise.all(
      statuses.split('|').map((s) => found(`/backorders?status=${s}`)),
    );
    expect(present).toContain(true);
  });

  it.each(['draft', 'submitted', 'acknowledged', 'partially-received', 'received'])(
    'leaves purchase orders %s',
    async (status) => {
      expect(await found(`/purchase-orders?status=${status}`)).toBe(true);
    },
  );

  it('leaves every projection and reactor running', async () => {
    const health = (await t.http.get('/health').expect(200)).body;
    const stopped = [...health.projections, ...health.reactors].filter(
      (c: { state: string }) => c.state === 'failed',
    );
    expect(stopped).toEqual([]);
    expect(health.status).toBe('ok');
  });

  it('refuses a store that already holds events, writing nothing', async () => {
    const before = await eventCount(t.events);
    await expect(seedDemo(t.app, options)).rejects.toThrow(SeedRefused);
    expect(await eventCount(t.events)).toBe(before);
  });
});
