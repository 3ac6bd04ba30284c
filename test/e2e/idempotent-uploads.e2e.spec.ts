import sharp from 'sharp';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

/**
 * An upload retried with its Idempotency-Key gets the first answer back; the same key with another
 * file, or other fields, is a 422 and changes nothing. The file is compared by a hash taken as it
 * streams, never by holding it.
 */
describe('idempotent uploads', () => {
  let t: TestApp;
  let vendorId: string;
  let productId: string;

  const sheet = (rows: readonly string[]) =>
    Buffer.from(`SKU,Name,Cost,Retail\n${rows.join('\n')}\n`, 'utf8');
  const uploadSheet = (key: string, content: Buffer, profile = 'plain') =>
    t.http
      .post('/catalog/imports')
      .set('Idempotency-Key', key)
      .field('vendorId', vendorId)
      .field('profile', profile)
      .attach('file', content, 'sheet.csv');
  const picture = (red: number) =>
    sharp({ create: { width: 8, height: 8, channels: 3, background: { r: red, g: 0, b: 0 } } })
      .png()
      .toBuffer();
  const uploadPicture = (key: string, data: Buffer) =>
    t.http
      .post(`/products/${productId}/images`)
      .set('Idempotency-Key', key)
      .attach('file', data, { filename: 'rug.png', contentType: 'image/png' });

  beforeAll(async () => {
    t = await startTestApp();
    vendorId = (
      await t.http
        .post('/vendors')
        .send({ name: 'Retry Rugs', leadTimeDays: 7, consolidation: 'daily' })
        .expect(201)
    ).body.id;
    const profile = {
      format: 'csv',
      currency: 'USD',
      columns: { vendorSku: 'SKU', name: 'Name', cost: 'Cost', retailPrice: 'Retail' },
    };
    for (const name of ['plain', 'other']) {
      await t.http.put(`/vendors/${vendorId}/import-profiles/${name}`).send(profile).expect(200);
    }
    productId = (
      await t.http
        .post('/products')
        .send({
          vendorId,
          vendorSku: 'RR-1',
          name: 'Retry Rug',
          cost: { amount: 100, currency: 'USD' },
          retailPrice: { amount: 200, currency: 'USD' },
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t?.close());

  it('replays a retried sheet and refuses the key with another sheet or another profile', async () => {
    const first = await uploadSheet('sheet-key', sheet(['RR-2,Kilim,100,200'])).expect(201);
    const retried = await uploadSheet('sheet-key', sheet(['RR-2,Kilim,100,200'])).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(first.body.id);

    const before = await eventCount(t.events);
    const otherFile = await uploadSheet('sheet-key', sheet(['RR-3,Heriz,100,200']));
    expect(otherFile.status).toBe(422);
    expect(otherFile.body.message).toMatch(/another body/);
    const otherField = await uploadSheet('sheet-key', sheet(['RR-2,Kilim,100,200']), 'other');
    expect(otherField.status).toBe(422);
    expect(await eventCount(t.events)).toBe(before);
  });

  it('replays a retried picture and refuses the key with another picture', async () => {
    const red = await picture(200);
    const first = await uploadPicture('picture-key', red).expect(201);
    const retried = await uploadPicture('picture-key', red).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(first.body);

    const before = await eventCount(t.events);
    const other = await uploadPicture('picture-key', await picture(20));
    expect(other.status).toBe(422);
    expect(await eventCount(t.events)).toBe(before);
  });
});
