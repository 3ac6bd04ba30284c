import { ShopCommands } from '../support/shop-commands';
import { startTestApp, type TestApp } from '../support/test-app';

/** Staff type the first letters of a name: "castell" finds Castellano wherever they search. */
describe('searching by word beginnings', () => {
  let t: TestApp;
  let shop: ShopCommands;
  const get = async (url: string) => (await t.http.get(url).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopCommands(t.app);
    const vendorId = await shop.registerVendor('Castellano Textiles', 'per-order');
    await shop.registerVendor('Nour Rugs', 'per-order');
    const productId = await shop.listProduct(vendorId, 'CT-100', 'Toledo Runner');
    const ana = await shop.registerCustomer('Ana Castellano', null, '+1 201 555 0142');
    const older = await shop.registerCustomer('Castell Ávila', null, null);
    await shop.registerCustomer('Pedro Castillo', null, null);
    await shop.placeBackorder({ customerId: older, lines: [{ productId, quantity: 1 }] });
    await shop.placeBackorder({ customerId: ana, lines: [{ productId, quantity: 1 }] });
    await shop.settle();
  }, 60_000);
  afterAll(() => t.close());

  it('finds customers from the first letters of a name, whatever the case and accents', async () => {
    const names = async (q: string) =>
      (await get(`/customers?q=${encodeURIComponent(q)}`)).items.map(
        (c: { name: string }) => c.name,
      );
    expect((await names('castell')).sort()).toEqual(['Ana Castellano', 'Castell Ávila']);
    expect(await names('CASTELLA')).toEqual(['Ana Castellano']);
    expect(await names('avi')).toEqual(['Castell Ávila']);
    expect(await names('ana cast')).toEqual(['Ana Castellano']);
  });

  it('finds vendors from the first letters of a name', async () => {
    const found = await get('/vendors?q=castell');
    expect(found.items.map((v: { name: string }) => v.name)).toEqual(['Castellano Textiles']);
    expect((await get('/vendors?q=astell')).items).toEqual([]);
  });

  it('looks up orders from the first letters of a name, the whole word first', async () => {
    const customers = async (q: string) =>
      (await get(`/lookup?q=${encodeURIComponent(q)}`)).map(
        (o: { customerName: string }) => o.customerName,
      );
    // "castell" is Castell Ávila's whole surname and only the beginning of Castellano.
    expect(await customers('castell')).toEqual(['Castell Ávila', 'Ana Castellano']);
    expect(await customers('castellan')).toEqual(['Ana Castellano']);
  });
});
