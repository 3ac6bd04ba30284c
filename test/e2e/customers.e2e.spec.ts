import { randomUUID } from 'node:crypto';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

describe('customers over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  let customerId: string;
  let position: string;

  it('registers a customer and reads it back', async () => {
    const created = await (
      await t.as('maria')
    )
      .post('/customers')
      .send({ name: ' Amelia Hartley ', phone: '(201) 555-0143', email: 'Amelia@Example.com' })
      .expect(201);
    customerId = created.body.id;
    position = created.headers['x-log-position'];
    expect(created.headers.location).toBe(`/customers/${customerId}`);

    const [event] = await t.events.readStream(`customer-${customerId}`);
    expect(event).toMatchObject({
      type: 'CustomerRegistered',
      data: {
        customerId,
        name: 'Amelia Hartley',
        phone: '(201) 555-0143',
        email: 'amelia@example.com',
      },
      metadata: { actor: 'maria' },
    });

    const read = await t.http
      .get(`/customers/${customerId}`)
      .set('X-Min-Log-Position', position)
      .expect(200);
    expect(read.body).toMatchObject({
      id: customerId,
      name: 'Amelia Hartley',
      phone: '(201) 555-0143',
      email: 'amelia@example.com',
    });
  });

  it('finds the customer by name, by email, and by phone however it is typed', async () => {
    const other = await t.http
      .post('/customers')
      .send({ name: 'Bruno Hartmann', phone: '+1 973 555 0100' })
      .expect(201);
    position = other.headers['x-log-position'];
    const find = async (q: string) => {
      const response = await t.http
        .get(`/customers?q=${encodeURIComponent(q)}`)
        .set('X-Min-Log-Position', position)
        .expect(200);
      return response.body.items.map((c: { id: string }) => c.id);
    };
    expect(await find('amelia')).toEqual([customerId]);
    expect(await find('AMELIA@example.com')).toEqual([customerId]);
    expect(await find('201-555-0143')).toEqual([customerId]);
    expect(await find('2015550143')).toEqual([customerId]);
    expect(await find('555 0143')).toEqual([customerId]);
    expect(await find('0143')).toEqual([customerId]);
    expect(await find('(973) 555-0100')).toEqual([other.body.id]);
    expect(await find('0199')).toEqual([]);

    const all = await t.http.get('/customers?limit=1').set('X-Min-Log-Position', position);
    expect(all.body.items.map((c: { name: string }) => c.name)).toEqual(['Amelia Hartley']);
    const next = await t.http.get(`/customers?limit=1&cursor=${all.body.nextCursor}`);
    expect(next.body.items.map((c: { name: string }) => c.name)).toEqual(['Bruno Hartmann']);
  });

  it('changes details with one event, and a repeated change appends nothing', async () => {
    const changed = await t.http
      .patch(`/customers/${customerId}`)
      .send({ phone: '+1 973 555 0199', email: null })
      .expect(200);
    expect(changed.body).toEqual({ id: customerId, changed: true });
    const events = await t.events.readStream(`customer-${customerId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'CustomerDetailsChanged',
      data: {
        changes: { phone: '+1 973 555 0199', email: null },
        previous: { phone: '(201) 555-0143', email: 'amelia@example.com' },
      },
    });

    const position = changed.headers['x-log-position'];
    const read = await t.http
      .get(`/customers/${customerId}`)
      .set('X-Min-Log-Position', position)
      .expect(200);
    expect(read.body).toMatchObject({ phone: '+1 973 555 0199', email: null });
    const byOldPhone = await t.http.get('/customers?q=0143').set('X-Min-Log-Position', position);
    expect(byOldPhone.body.items).toEqual([]);

    const before = await eventCount(t.events);
    const again = await t.http
      .patch(`/customers/${customerId}`)
      .send({ phone: '+1 973 555 0199' })
      .expect(200);
    expect(again.body).toEqual({ id: customerId, changed: false });
    expect(await eventCount(t.events)).toBe(before);
  });

  it('registers once when a request is retried with its Idempotency-Key', async () => {
    const send = () =>
      t.http
        .post('/customers')
        .set('Idempotency-Key', 'counter-7-call-12')
        .send({ name: 'Chen Wei', email: 'chen@example.com' })
        .expect(201);
    const first = await send();
    const before = await eventCount(t.events);
    const retried = await send();
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.location).toBe(`/customers/${first.body.id}`);
    expect(await eventCount(t.events)).toBe(before);
  });

  describe('rejected requests append nothing', () => {
    let before: number;
    beforeEach(async () => (before = await eventCount(t.events)));
    afterEach(async () => expect(await eventCount(t.events)).toBe(before));

    it('invalid fields are a 400 naming each field', async () => {
      const response = await t.http
        .post('/customers')
        .send({ name: ' ', phone: 'call me', email: 'not-an-email' })
        .expect(400);
      const fields = response.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['email', 'name', 'phone']);
    });

    it('a change may not remove the name', async () => {
      const response = await t.http
        .patch(`/customers/${customerId}`)
        .send({ name: null })
        .expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['name']);
    });

    it('an unknown customer is a 404 and a malformed id a 400', async () => {
      await t.http.get(`/customers/${randomUUID()}`).expect(404);
      await t.http.patch(`/customers/${randomUUID()}`).send({ name: 'X' }).expect(404);
      await t.http.get('/customers/42').expect(400);
    });
  });
});
