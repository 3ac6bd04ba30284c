import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { allProjections } from '../../projections/all-projections';
import { allWorkflows } from '../../src/all-workflows';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

const vendor = { name: 'Nourison Rugs', leadTimeDays: 21, consolidation: 'daily' };

describe('the server on its embedded stores', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('reports both stores and every projection on /health', async () => {
    // The start itself appends (the first admin, the test's user): let the consumers see it.
    expect(await t.app.get(ConsumersSettled).wait()).toBe(true);
    const response = await t.http.get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      eventStore: { status: 'ok', adapter: 'sqlite' },
      readStore: { status: 'ok', adapter: 'sqlite' },
    });
    const names = response.body.projections.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(allProjections.map((p) => p.name).sort());
    const reactors = response.body.reactors.map((r: { name: string }) => r.name).sort();
    expect(reactors).toEqual(allWorkflows.map((r) => r.name).sort());
    for (const consumer of [...response.body.projections, ...response.body.reactors]) {
      expect(consumer).toMatchObject({
        state: 'live',
        eventsBehind: 0,
        msBehind: 0,
        failure: null,
      });
    }
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await t.http.get('/no/such/route').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('records a command as an event with who, when, correlation and causation', async () => {
    const created = await (
      await t.as('maria')
    )
      .post('/vendors')
      .set('X-Correlation-Id', 'phone-call-42')
      .send(vendor)
      .expect(201);
    const id = created.body.id as string;
    expect(created.headers.location).toBe(`/vendors/${id}`);

    const [event] = await t.events.readStream(`vendor-${id}`);
    expect(event.type).toBe('VendorRegistered');
    expect(event.metadata).toEqual({
      actor: 'maria',
      correlationId: 'phone-call-42',
      causationId: created.headers['x-request-id'],
      occurredAt: expect.any(String),
      schemaVersion: 1,
    });
  });

  it('lets a client read its own write through the log position', async () => {
    const created = await t.http
      .post('/vendors')
      .send({ ...vendor, name: 'Kaleen' })
      .expect(201);
    const position = created.headers['x-log-position'];
    expect(position).toMatch(/^\d+:\d+$/);

    const read = await t.http
      .get(`/vendors/${created.body.id}`)
      .set('X-Min-Log-Position', position)
      .expect(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      name: 'Kaleen',
      consolidation: 'daily',
      leadTimeDays: 21,
    });

    const listed = await t.http
      .get('/vendors?q=kaleen')
      .set('X-Min-Log-Position', position)
      .expect(200);
    expect(listed.body.items.map((v: { id: string }) => v.id)).toEqual([created.body.id]);
  });

  it('changes terms once, and a repeated change appends nothing', async () => {
    const created = await t.http
      .post('/vendors')
      .send({ ...vendor, name: 'Surya' })
      .expect(201);
    const id = created.body.id;
    const first = await t.http
      .patch(`/vendors/${id}`)
      .send({ consolidation: 'weekly' })
      .expect(200);
    expect(first.body).toEqual({ id, changed: true });

    const before = await eventCount(t.events);
    const again = await t.http
      .patch(`/vendors/${id}`)
      .send({ consolidation: 'weekly' })
      .expect(200);
    expect(again.body).toEqual({ id, changed: false });
    expect(await eventCount(t.events)).toBe(before);
  });

  describe('rejected requests append nothing', () => {
    let before: number;
    beforeEach(async () => (before = await eventCount(t.events)));
    afterEach(async () => expect(await eventCount(t.events)).toBe(before));

    it('malformed JSON is a 400', async () => {
      const response = await t.http
        .post('/vendors')
        .set('Content-Type', 'application/json')
        .send('{"name": "Broken",')
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('invalid fields are a 400 naming each field', async () => {
      const response = await t.http
        .post('/vendors')
        .send({ name: '', leadTimeDays: -3, consolidation: 'hourly' })
        .expect(400);
      const fields = response.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['consolidation', 'leadTimeDays', 'name']);
    });

    it('unknown fields are refused, not dropped', async () => {
      const response = await t.http
        .post('/vendors')
        .send({ ...vendor, discount: 50 })
        .expect(400);
      expect(response.body.fields).toEqual([
        { field: 'discount', errors: [expect.stringContaining('should not exist')] },
      ]);
    });

    it('a body that is not JSON is a 415', async () => {
      await t.http.post('/vendors').set('Content-Type', 'text/plain').send('name=x').expect(415);
    });

    it('a body over the limit is a 413', async () => {
      await t.http
        .post('/vendors')
        .send({ ...vendor, name: 'x'.repeat(2_000_000) })
        .expect(413);
    });

    it('an unknown vendor is a 404 and a malformed id a 400', async () => {
      await t.http
        .patch('/vendors/0b8a4a5e-64a4-4d8b-9a55-1f1f1f1f1f1f')
        .send({ leadTimeDays: 3 })
        .expect(404);
      await t.http.patch('/vendors/not-an-id').send({ leadTimeDays: 3 }).expect(400);
    });

    it('a malformed correlation id header is a 400', async () => {
      await t.http
        .post('/vendors')
        .set('X-Correlation-Id', 'robert"); drop')
        .send(vendor)
        .expect(400);
    });
  });

  it('answers concurrent changes to one record with 200 or 409, never losing or merging one', async () => {
    const created = await t.http
      .post('/vendors')
      .send({ ...vendor, name: 'Loloi' })
      .expect(201);
    const authorization = `Bearer ${await t.tokenFor('staff')}`;
    const before = await eventCount(t.events);
    const fastify = t.app.getHttpAdapter().getInstance();
    // Injected in one tick, so every request reads the same revision before any append lands.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fastify.inject({
          method: 'PATCH',
          url: `/vendors/${created.body.id}`,
          headers: { authorization },
          payload: { leadTimeDays: 100 + i },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);
    expect(responses.find((r) => r.statusCode === 409)?.json()).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
    });
    const changed = responses.filter((r) => r.statusCode === 200 && r.json().changed).length;
    expect(await eventCount(t.events)).toBe(before + changed);
  });
});
