import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { collect } from '../support/events';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A vendor's price sheet from upload to catalog: profile, review, selective apply, search, and a
 * backorder placed from a search result. Every step through the real API and embedded stores.
 */
describe('catalog imports', () => {
  let t: TestApp;
  let vendorId: string;
  const settle = async () => expect(await t.app.get(ConsumersSettled).wait(20_000)).toBe(true);
  const log = async (): Promise<RecordedEvent[]> => collect(t.events.readAll());
  const productEvents = async () =>
    (await log()).filter((e) => e.stream.startsWith('product-')).map((e) => e.type);

  const PROFILE = {
    format: 'csv',
    currency: 'USD',
    columns: {
      vendorSku: 'Item #',
      name: 'Description',
      cost: 'Wholesale',
      retailPrice: 'MSRP',
      collection: 'Collection',
      color: 'Color',
      size: 'Size',
      images: 'Images',
    },
  };
  const HEADER = 'Item #;Description;Collection;Color;Size;Wholesale;MSRP;Images';

  /** The sheet as a vendor sends it: BOM, semicolons, Windows line ends, quotes. */
  const sheet = (rows: readonly string[]) =>
    Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

  const upload = (content: Buffer, fields: Record<string, string> = {}, name = 'sheet.csv') => {
    let request = t.http.post('/catalog/imports');
    for (const [field, value] of Object.entries({ vendorId, profile: 'spring', ...fields })) {
      request = request.field(field, value);
    }
    return request.attach('file', content, name);
  };

  const applied = async (importId: string) => {
    for (let i = 0; i < 200; i++) {
      const view = (await t.http.get(`/catalog/imports/${importId}`).expect(200)).body;
      if (view.status !== 'applying') return view;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${importId} still applying`);
  };

  const changes = async (importId: string, kind: string) =>
    (await t.http.get(`/catalog/imports/${importId}/changes?kind=${kind}&limit=200`).expect(200))
      .body.items;

  const search = async (query: string) =>
    (await t.http.get(`/catalog/search?${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_SHEET_MAX_BYTES: '65536' });
    vendorId = (
      await t.http
        .post('/vendors')
        .send({ name: 'Nourison', leadTimeDays: 21, consolidation: 'daily' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t?.close());

  it('saves a vendor profile, refusing one that maps no SKU or names unknown fields', async () => {
    await t.http.put(`/vendors/${vendorId}/import-profiles/spring`).send(PROFILE).expect(200);
    const { vendorSku: _sku, ...withoutSku } = PROFILE.columns;
    const refused = await t.http
      .put(`/vendors/${vendorId}/import-profiles/broken`)
      .send({ ...PROFILE, columns: withoutSku, extra: 1 })
      .expect(400);
    expect(JSON.stringify(refused.body.fields)).toMatch(/vendorSku/);
    await t.http.put(`/vendors/${vendorId}/import-profiles/Bad Name`).send(PROFILE).expect(400);
    const listed = (await t.http.get(`/vendors/${vendorId}/import-profiles`).expect(200)).body;
    expect(listed.items.map((p: { name: string }) => p.name)).toEqual(['spring']);
  });

  let firstImport: string;

  it('reviews a sheet without changing the catalog: new products and each bad row with its reason', async () => {
    const before = await productEvents();
    const response = await upload(
      sheet([
        'nr-kas-0508;KASHAN MEDALLION IVORY/NAVY;Persian Heritage;ivory/navy;5\'3" x 7\'6";649.00;1299.00;https://img.example/kas-1.jpg|https://img.example/kas-2.jpg',
        'NR-HER-0811;"Heriz; Hand-Knotted";Persian Heritage;Rust;8x11;1.249,00;2.499,00;',
        "NR-RUN-0210;Kilim Runner;Nomad;Sage;2'6\" x 10' runner;129;279;",
        "NR-RND-0800;Oushak Round;Oushak;Ivory;8' round;899;1899;",
        'NR-MET-0001;Metric Modern;Urban;Charcoal;160x230 cm;310;699;',
        'NR-BAD-0001;Broken Price;Urban;Grey;5x8;-10;99;',
        'NR-BAD-0002;Odd Size;Urban;Grey;large;10;99;',
        ';No SKU;Urban;Grey;5x8;10;99;',
        'NR-KAS-0508;Duplicate Of Row Two;Persian Heritage;Ivory;5x8;1;2;',
        'NR-ABS-0001;Absurd;Urban;Grey;5x8;99999999;199999999;',
      ]),
    ).expect(201);
    firstImport = response.body.id;
    expect(response.body).toMatchObject({
      status: 'reviewed',
      review: { rows: 10, valid: 5, invalid: 5, new: 5, missing: 0, unchanged: 0 },
    });
    expect(await productEvents()).toEqual(before);

    const invalid = await changes(firstImport, 'invalid');
    expect(invalid.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([7, 8, 9, 10, 11]);
    const reasons = invalid.map((r: { reason: string }) => r.reason).join('\n');
    expect(reasons).toMatch(/cost/i);
    expect(reasons).toMatch(/size/i);
    expect(reasons).toMatch(/vendorSku|sku/i);
    expect(reasons).toMatch(/duplicate vendor SKU NR-KAS-0508 \(first on row 2\)/);
    const fresh = await changes(firstImport, 'new');
    const kashan = fresh.find((r: { vendorSku: string }) => r.vendorSku === 'NR-KAS-0508');
    expect(kashan.product).toMatchObject({
      name: 'Kashan Medallion Ivory/Navy',
      color: 'Ivory/Navy',
      cost: { amount: 64900, currency: 'USD' },
      retailPrice: { amount: 129900, currency: 'USD' },
      dimensions: { widthCm: 160, lengthCm: 228.6, shape: 'rectangle' },
      images: ['https://img.example/kas-1.jpg', 'https://img.example/kas-2.jpg'],
    });
    const heriz = fresh.find((r: { vendorSku: string }) => r.vendorSku === 'NR-HER-0811');
    expect(heriz.product.cost.amount).toBe(124900);
    expect((await search('q=kashan')).items).toEqual([]);
  });

  it('applies the review in atomic batches: every valid row listed once, searchable', async () => {
    await t.http.post(`/catalog/imports/${firstImport}/apply`).send({}).expect(202);
    const view = await applied(firstImport);
    expect(view).toMatchObject({ status: 'applied', progress: { applied: 5, toApply: 5 } });
    await settle();
    const listed = (await productEvents()).filter((type) => type === 'ProductListed');
    expect(listed).toHaveLength(5);
    const again = await t.http.post(`/catalog/imports/${firstImport}/apply`).send({}).expect(422);
    expect(again.body.rule).toBe('import-already-applied');
  });

  it('finds products by words, word beginnings, SKU and filters, with facet counts', async () => {
    const ids = (result: { items: { vendorSku: string }[] }) =>
      result.items.map((p) => p.vendorSku).sort();
    expect(ids(await search('q=kashan'))).toEqual(['NR-KAS-0508']);
    expect(ids(await search('q=kas%20ivo'))).toEqual(['NR-KAS-0508']);
    expect(ids(await search('q=nr-run'))).toEqual(['NR-RUN-0210']);
    expect(ids(await search('q=ivory'))).toEqual(['NR-KAS-0508', 'NR-RND-0800']);
    expect(ids(await search('shape=round'))).toEqual(['NR-RND-0800']);
    expect(ids(await search('minWidthCm=150&maxWidthCm=170'))).toEqual([
      'NR-KAS-0508',
      'NR-MET-0001',
    ]);
    expect(ids(await search('maxPrice=50000'))).toEqual(['NR-RUN-0210']);
    expect(ids(await search('collection=persian%20heritage'))).toEqual([
      'NR-HER-0811',
      'NR-KAS-0508',
    ]);
    expect(ids(await search('inStock=true'))).toEqual([]);
    const all = await search('q=');
    expect(all.facets.vendor).toEqual([{ id: vendorId, name: 'Nourison', count: 5 }]);
    expect(all.facets.color).toContainEqual({ value: 'Ivory', count: 1 });
    const ranked = await search('q=persian');
    expect(ranked.items.length).toBe(2);
    expect(ranked.items[0].score).toBeGreaterThanOrEqual(ranked.items[1].score);

    await t.http.get('/catalog/search?shape=hexagon').expect(400);
    await t.http.get('/catalog/search?minPrice=-1').expect(400);
  });

  it('reviews a second sheet as price changes, a new product and one missing; applies only what is chosen', async () => {
    const response = await upload(
      sheet([
        'NR-KAS-0508;Kashan Medallion Ivory/Navy;Persian Heritage;Ivory/Navy;5\'3" x 7\'6";649.00;1399.00;https://img.example/kas-1.jpg|https://img.example/kas-2.jpg',
        'NR-HER-0811;"Heriz; Hand-Knotted";Persian Heritage;Rust;8x11;1.349,00;2.499,00;',
        "NR-RUN-0210;Kilim Runner;Nomad;Sage;2'6\" x 10' runner;129;279;",
        'NR-MET-0001;Metric Modern;Urban;Charcoal;160x230 cm;310;699;',
        'NR-NEW-0001;Tabriz Garden;Persian Heritage;Blue;9x12;2000;4400;',
      ]),
      {},
      'sheet-2.csv',
    ).expect(201);
    const second = response.body.id;
    expect(response.body.review).toMatchObject({
      new: 1,
      costChanged: 1,
      priceChanged: 1,
      unchanged: 2,
      missing: 1,
      invalid: 0,
    });
    const [price] = await changes(second, 'price');
    expect(price.retailPrice).toEqual({
      old: { amount: 129900, currency: 'USD' },
      new: { amount: 139900, currency: 'USD' },
      percent: 7.7,
    });
    const [missing] = await changes(second, 'missing');
    expect(missing.vendorSku).toBe('NR-RND-0800');

    const before = (await log()).length;
    await t.http
      .post(`/catalog/imports/${second}/apply`)
      .send({ kinds: ['price'] })
      .expect(202);
    expect(await applied(second)).toMatchObject({ status: 'applied' });
    const written = (await log()).slice(before).filter((e) => e.stream.startsWith('product-'));
    expect(written.map((e) => e.type)).toEqual(['ProductPriceChanged']);
    await settle();
    expect((await search('q=kashan')).items[0].retailPrice.amount).toBe(139900);
    expect((await search('q=tabriz')).items).toEqual([]);
    expect((await search('q=oushak')).items).toHaveLength(1);
  });

  it('discontinues the products missing from a sheet only when asked', async () => {
    const response = await upload(
      sheet(['NR-KAS-0508;Kashan;Persian Heritage;Ivory;5x8;649;1399;']),
      {},
      'sheet-3.csv',
    ).expect(201);
    expect(response.body.review.missing).toBe(4);
    await t.http
      .post(`/catalog/imports/${response.body.id}/apply`)
      .send({ kinds: [], discontinueMissing: true, skus: ['nr-rnd-0800'] })
      .expect(202);
    expect(await applied(response.body.id)).toMatchObject({ progress: { applied: 1 } });
    await settle();
    expect((await search('q=oushak')).items).toEqual([]);
    expect((await search('q=kashan')).items[0].name).toBe('Kashan Medallion Ivory/Navy');
  });

  it('refuses bad uploads clearly and appends nothing for them', async () => {
    const before = (await log()).length;
    const missingColumn = await upload(
      Buffer.from('Item #;Description\nNR-1;Rug\n', 'utf8'),
      {},
      'short.csv',
    ).expect(400);
    expect(JSON.stringify(missingColumn.body.fields)).toMatch(/cost/);
    await upload(sheet([]), { profile: 'nope' }).expect(404);
    await upload(sheet([]), { vendorId: 'not-a-uuid' }).expect(400);
    await t.http.post('/catalog/imports').send({ vendorId }).expect(415);
    await t.http
      .post('/catalog/imports')
      .set('x-import-id', 'nope')
      .attach('file', sheet([]), 'x.csv')
      .expect(400);
    expect((await log()).length).toBe(before);
    // Multipart is refused where a route takes JSON.
    await t.http.post('/vendors').field('name', 'Form Vendor').expect(415);
  });

  it('keeps going past rows in another encoding, and fails an oversized sheet without applying it', async () => {
    const latin1 = Buffer.concat([
      sheet(['NR-OK-0001;Good Rug;Urban;Grey;5x8;100;200;']),
      Buffer.from('NR-LAT-0001;Caf\xe9 Rug;Urban;Grey;5x8;100;200;\r\n', 'latin1'),
      Buffer.from('NR-OK-0002;Another Good Rug;Urban;Grey;5x8;100;200;\r\n', 'utf8'),
    ]);
    const mixed = await upload(latin1, {}, 'mixed.csv').expect(201);
    expect(mixed.body.review).toMatchObject({ valid: 2, invalid: 1 });
    const [bad] = await changes(mixed.body.id, 'invalid');
    expect(bad).toMatchObject({ rowNumber: 3 });
    expect(bad.reason).toMatch(/UTF-8/);

    const rows = Array.from(
      { length: 2000 },
      (_, i) => `NR-BIG-${i};Big Rug ${i};Urban;Grey;5x8;100;200;`,
    );
    const before = await productEvents();
    const tooLarge = await upload(sheet(rows), {}, 'big.csv');
    expect(tooLarge.status).toBe(413);
    expect(await productEvents()).toEqual(before);
  });

  it('places a backorder from a search result, keeping the sheet product in the line', async () => {
    const [kashan] = (await search('q=kashan')).items;
    const customer = (await t.http.post('/customers').send({ name: 'Ann Lee' }).expect(201)).body
      .id;
    const placed = (
      await t.http
        .post('/backorders')
        .send({ customerId: customer, lines: [{ productId: kashan.id, quantity: 1 }] })
        .expect(201)
    ).body;
    await settle();
    const order = (await t.http.get(`/backorders/${placed.id}`).expect(200)).body;
    expect(order.lines[0].product).toMatchObject({
      vendorSku: 'NR-KAS-0508',
      images: kashan.images,
      dimensions: kashan.dimensions,
      retailPrice: { amount: 139900, currency: 'USD' },
    });
  });
});
