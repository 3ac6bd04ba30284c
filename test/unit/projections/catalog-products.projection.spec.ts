import { catalogProductsProjection } from '../../../projections/catalog/catalog-products.projection';
import { eventLog, projectionHarness } from '../../support/projection-harness';

describe('catalog products projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(catalogProductsProjection)));
  afterEach(() => harness.close());

  const event = eventLog();
  const vendor = event('vendor-v1', 'VendorRegistered', {
    vendorId: 'v1',
    name: 'Nourison Rugs',
    leadTimeDays: 21,
    consolidation: 'daily',
    email: null,
    phone: null,
  });
  const listed = event('product-p1', 'ProductListed', {
    productId: 'p1',
    vendorId: 'v1',
    vendorSku: 'NR-KAS-0508',
    name: 'Kashan Medallion',
    collection: 'Persian Heritage',
    design: 'Kashan',
    color: 'Ivory/Navy',
    size: '5x8',
    material: 'Wool',
    images: ['https://images.example/kas.jpg'],
    cost: { amount: 64900, currency: 'USD' },
    retailPrice: { amount: 129900, currency: 'USD' },
  });
  const renamed = event('product-p1', 'ProductDetailsChanged', {
    productId: 'p1',
    changes: { name: 'Kashan Medallion II', collection: null },
    previous: { name: 'Kashan Medallion', collection: 'Persian Heritage' },
  });
  const costed = event('product-p1', 'ProductCostChanged', {
    productId: 'p1',
    cost: { amount: 67900, currency: 'USD' },
    previous: { amount: 64900, currency: 'USD' },
  });
  const priced = event('product-p1', 'ProductPriceChanged', {
    productId: 'p1',
    retailPrice: { amount: 134900, currency: 'USD' },
    previous: { amount: 129900, currency: 'USD' },
  });
  const discontinued = event('product-p1', 'ProductDiscontinued', {
    productId: 'p1',
    reason: 'vendor dropped the design',
  });
  const history = [vendor, listed, renamed, costed, priced, discontinued];

  it('lists a product, then follows its changes to discontinuation', async () => {
    await harness.apply(history);
    expect(await harness.document('products', 'p1')).toEqual({
      id: 'p1',
      vendorId: 'v1',
      vendorSku: 'NR-KAS-0508',
      name: 'Kashan Medallion II',
      collection: null,
      design: 'Kashan',
      color: 'Ivory/Navy',
      size: '5x8',
      material: 'Wool',
      images: ['https://images.example/kas.jpg'],
      cost: { amount: 67900, currency: 'USD' },
      retailPrice: { amount: 134900, currency: 'USD' },
      status: 'discontinued',
      listedAt: listed.metadata.occurredAt,
      updatedAt: discontinued.metadata.occurredAt,
      // A listing recorded before sizes were read: no dimensions, no width to filter on.
      dimensions: null,
      widthCm: null,
      lengthCm: null,
      shape: null,
      price: 134900,
      collectionKey: null,
      colorKey: 'ivory/navy',
      onHand: 0,
      reserved: 0,
      inStock: false,
    });
  });

  it('keeps vendor names apart, for queries to join, and no vendor document among products', async () => {
    await harness.apply(history);
    expect(await harness.document('catalog_vendors', 'v1')).toEqual({
      id: 'v1',
      name: 'Nourison Rugs',
    });
    expect((await harness.all('products')).map((p) => p.id)).toEqual(['p1']);
  });

  it('is unchanged when the events are delivered again', async () => {
    await harness.apply(history);
    const products = await harness.all('products');
    const vendors = await harness.all('catalog_vendors');
    const again = await harness.apply(history);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('products')).toEqual(products);
    expect(await harness.all('catalog_vendors')).toEqual(vendors);
  });

  it('finds products by words of name, SKU, design or color, within a vendor', async () => {
    await harness.apply([vendor, listed]);
    const search = async (text: string, vendorId?: string) =>
      (await harness.store.search('products_v2', text, { where: { vendorId } })).items.map(
        (h) => h.document.id,
      );
    expect(await search('kashan ivory')).toEqual(['p1']);
    expect(await search('NR-KAS-0508')).toEqual(['p1']);
    expect(await search('heritage', 'v1')).toEqual(['p1']);
    expect(await search('kashan', 'v2')).toEqual([]);
    expect(await search('tabriz')).toEqual([]);
  });
});
