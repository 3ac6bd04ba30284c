import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DiscontinueProduct } from '../../src/catalog/product.commands';
import { ProductSnapshots } from '../../src/catalog/product-snapshots';
import { BusinessRuleViolation, UnknownEntityError } from '../../src/shared/domain/domain-errors';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('the catalog over HTTP', () => {
  let t: TestApp;
  let vendorId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const vendor = await t.http
      .post('/vendors')
      .send({ name: 'Nourison Rugs', leadTimeDays: 21, consolidation: 'daily' })
      .expect(201);
    vendorId = vendor.body.id;
  });
  afterAll(() => t.close());

  const kashan = () => ({
    vendorId,
    vendorSku: 'NR-KAS-0508',
    name: 'Kashan Medallion',
    collection: 'Persian Heritage',
    design: 'Kashan',
    color: 'Ivory/Navy',
    size: '5x8',
    material: 'Hand-knotted wool',
    images: [
      '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08',
      'https://images.nourison.example/NR-KAS-0508.jpg',
    ],
    cost: usd(64900),
    retailPrice: usd(129900),
  });

  let productId: string;

  it('lists a product under an id that follows from the vendor and SKU', async () => {
    const created = await (await t.as('maria')).post('/products').send(kashan());
    expect(created.status).toBe(201);
    productId = created.body.id;
    expect(created.headers.location).toBe(`/products/${productId}`);

    const [event] = await t.events.readStream(`product-${productId}`);
    expect(event).toMatchObject({
      type: 'ProductListed',
      data: {
        productId,
        vendorSku: 'NR-KAS-0508',
        images: [
          '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          'https://images.nourison.example/NR-KAS-0508.jpg',
        ],
      },
      metadata: { actor: 'maria', causationId: created.headers['x-request-id'] },
    });

    const read = await t.http
      .get(`/products/${productId}`)
      .set('X-Min-Log-Position', created.headers['x-log-position'])
      .expect(200);
    expect(read.body).toMatchObject({
      id: productId,
      vendorId,
      vendorName: 'Nourison Rugs',
      vendorSku: 'NR-KAS-0508',
      name: 'Kashan Medallion',
      collection: 'Persian Heritage',
      cost: usd(64900),
      retailPrice: usd(129900),
      status: 'listed',
    });
  });

  it('answers the same listing again (SKU in any case) with the same id and appends nothing', async () => {
    const before = await eventCount(t.events);
    const again = await t.http
      .post('/products')
      .send({ ...kashan(), vendorSku: '  nr-kas-0508 ' })
      .expect(201);
    expect(again.body).toEqual({ id: productId });
    expect(await eventCount(t.events)).toBe(before);
  });

  it('revises details and prices with one event per kind of change, and a repeat with none', async () => {
    const revised = await t.http
      .patch(`/products/${productId}`)
      .send({ name: 'Kashan Medallion II', collection: null, retailPrice: usd(134900) })
      .expect(200);
    expect(revised.body).toEqual({ id: productId, changed: true });
    const events = await t.events.readStream(`product-${productId}`);
    expect(events.slice(1).map((e) => [e.type, e.data])).toEqual([
      [
        'ProductDetailsChanged',
        {
          productId,
          changes: { name: 'Kashan Medallion II', collection: null },
          previous: { name: 'Kashan Medallion', collection: 'Persian Heritage' },
        },
      ],
      ['ProductPriceChanged', { productId, retailPrice: usd(134900), previous: usd(129900) }],
    ]);

    const read = await t.http
      .get(`/products/${productId}`)
      .set('X-Min-Log-Position', revised.headers['x-log-position'])
      .expect(200);
    expect(read.body).toMatchObject({
      name: 'Kashan Medallion II',
      collection: null,
      retailPrice: usd(134900),
      cost: usd(64900),
    });

    const before = await eventCount(t.events);
    const repeated = await t.http
      .patch(`/products/${productId}`)
      .send({ name: 'Kashan Medallion II', retailPrice: usd(134900) })
      .expect(200);
    expect(repeated.body).toEqual({ id: productId, changed: false });
    expect(await eventCount(t.events)).toBe(before);
  });

  it('finds products by words and vendor, a page at a time', async () => {
    const other = await t.http
      .post('/vendors')
      .send({ name: 'Loloi', leadTimeDays: 14, consolidation: 'weekly' })
      .expect(201);
    let position = '';
    for (const [vendor, sku, color] of [
      [vendorId, 'NR-TAB-0001', 'Ivory'],
      [vendorId, 'NR-TAB-0002', 'Ivory'],
      [other.body.id, 'LL-TAB-0001', 'Ivory'],
    ]) {
      const created = await t.http
        .post('/products')
        .send({
          vendorId: vendor,
          vendorSku: sku,
          name: 'Tabriz',
          color,
          cost: usd(1),
          retailPrice: usd(2),
        })
        .expect(201);
      position = created.headers['x-log-position'];
    }
    const search = (query: string) =>
      t.http.get(`/products?${query}`).set('X-Min-Log-Position', position).expect(200);

    const all = await search('q=tabriz%20ivory');
    expect(all.body.items.map((p: { vendorSku: string }) => p.vendorSku).sort()).toEqual([
      'LL-TAB-0001',
      'NR-TAB-0001',
      'NR-TAB-0002',
    ]);
    const bySku = await search('q=NR-TAB-0002');
    expect(bySku.body.items.map((p: { vendorSku: string }) => p.vendorSku)).toEqual([
      'NR-TAB-0002',
    ]);

    const first = await search(`vendorId=${vendorId}&limit=2`);
    expect(first.body.items.map((p: { vendorSku: string }) => p.vendorSku)).toEqual([
      'NR-KAS-0508',
      'NR-TAB-0001',
    ]);
    expect(first.body.items[0].vendorName).toBe('Nourison Rugs');
    const second = await search(
      `vendorId=${vendorId}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.items.map((p: { vendorSku: string }) => p.vendorSku)).toEqual([
      'NR-TAB-0002',
    ]);

    const loloi = await search(`q=tabriz&vendorId=${other.body.id}`);
    expect(loloi.body.items).toEqual([
      expect.objectContaining({ vendorSku: 'LL-TAB-0001', vendorName: 'Loloi' }),
    ]);
  });

  it('snapshots a product from its streams for an order line, and refuses a discontinued one', async () => {
    const snapshots = t.app.get(ProductSnapshots);
    await expect(snapshots.snapshot(productId)).resolves.toEqual({
      productId,
      vendorId,
      vendorName: 'Nourison Rugs',
      vendorSku: 'NR-KAS-0508',
      name: 'Kashan Medallion II',
      collection: null,
      design: 'Kashan',
      color: 'Ivory/Navy',
      size: '5x8',
      material: 'Hand-knotted wool',
      images: [
        '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        'https://images.nourison.example/NR-KAS-0508.jpg',
      ],
      dimensions: { widthCm: 152.4, lengthCm: 243.8, shape: 'rectangle' },
      cost: usd(64900),
      retailPrice: usd(134900),
    });
    await expect(snapshots.snapshot(randomUUID())).rejects.toBeInstanceOf(UnknownEntityError);

    const context = { actor: 'test', correlationId: randomUUID(), causationId: randomUUID() };
    const outcome = await t.app
      .get(CommandBus)
      .execute(new DiscontinueProduct(productId, 'vendor dropped the design', context));
    await expect(snapshots.snapshot(productId)).rejects.toEqual(
      expect.objectContaining({ rule: 'product-discontinued' }),
    );
    await expect(snapshots.snapshot(productId)).rejects.toBeInstanceOf(BusinessRuleViolation);
    const read = await t.http
      .get(`/products/${productId}`)
      .set('X-Min-Log-Position', `${outcome.position.commit}:${outcome.position.prepare}`)
      .expect(200);
    expect(read.body.status).toBe('discontinued');
  });

  describe('rejected requests append nothing', () => {
    let before: number;
    beforeEach(async () => (before = await eventCount(t.events)));
    afterEach(async () => expect(await eventCount(t.events)).toBe(before));

    it('the same SKU with other data is a 422 naming the rule', async () => {
      const response = await t.http
        .post('/products')
        .send({ ...kashan(), cost: usd(70000) })
        .expect(422);
      expect(response.body).toMatchObject({ rule: 'product-already-listed' });
    });

    it('an unknown vendor is a 422 naming the rule', async () => {
      const response = await t.http
        .post('/products')
        .send({ ...kashan(), vendorId: randomUUID() })
        .expect(422);
      expect(response.body).toMatchObject({ rule: 'vendor-not-registered' });
    });

    it('invalid fields are a 400 naming each field', async () => {
      const response = await t.http
        .post('/products')
        .send({
          vendorId: 'nourison',
          vendorSku: ' ',
          name: '',
          images: ['ftp://images.example/a.jpg', 'abc123'],
          cost: { amount: 10.5, currency: 'usd' },
        })
        .expect(400);
      const fields = response.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual([
        'cost.amount',
        'cost.currency',
        'images',
        'name',
        'retailPrice',
        'vendorId',
        'vendorSku',
      ]);
    });

    it('a revision may not clear the name or a price', async () => {
      const response = await t.http
        .patch(`/products/${productId}`)
        .send({ name: null, cost: null, images: null })
        .expect(400);
      const fields = response.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['cost', 'images', 'name']);
    });

    it('an unknown product is a 404 and a malformed id a 400', async () => {
      await t.http.get(`/products/${randomUUID()}`).expect(404);
      await t.http.patch(`/products/${randomUUID()}`).send({ name: 'x' }).expect(404);
      await t.http.get('/products/not-an-id').expect(400);
      await t.http.get('/products?vendorId=nope').expect(400);
    });
  });
});
