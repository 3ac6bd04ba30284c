import { startTestApp, type TestApp } from '../support/test-app';

/** Every list route takes the same paging, refused alike when it is out of range. */
describe('paging on list routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/vendors', '/products', '/customers', '/backorders', '/purchase-orders'])(
    '%s takes limit 1 to 200 and refuses anything else, naming the field',
    async (route) => {
      await t.http.get(`${route}?limit=1`).expect(200);
      await t.http.get(`${route}?limit=200`).expect(200);
      for (const limit of ['0', '201', '1.5', 'ten']) {
        const refused = await t.http.get(`${route}?limit=${limit}`).expect(400);
        expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['limit']);
      }
      const cursor = await t.http.get(`${route}?cursor=${'x'.repeat(2001)}`).expect(400);
      expect(cursor.body.fields.map((f: { field: string }) => f.field)).toEqual(['cursor']);
    },
  );
});
