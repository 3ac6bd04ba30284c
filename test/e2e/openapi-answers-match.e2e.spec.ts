import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildApiDocument } from '../../src/shared/http/api-document';
import { ShopCommands } from '../support/shop-commands';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The document's answers are written from examples; these real answers, on a small shop, must
 * match the schemas a client is generated from (every field the schema requires is sent, with
 * its type), so a change to an answer cannot leave the document behind unnoticed.
 */
describe('real answers match the OpenAPI document', () => {
  let app: TestApp;
  let document: OpenAPIObject;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    document = buildApiDocument(app.app);
    const shop = new ShopCommands(app.app);
    ids.vendor = await shop.registerVendor('Nourison', 'daily');
    ids.product = await shop.listProduct(ids.vendor, 'HER-01', 'Heriz Persian');
    ids.customer = await shop.registerCustomer('Ana Lima', 'ana@example.com', '+1 555 0100');
    ids.backorder = await shop.placeBackorder({
      customerId: ids.customer,
      lines: [{ productId: ids.product, quantity: 1 }],
    });
    await shop.settle();
    const orders = await app.http.get('/purchase-orders').expect(200);
    ids.po = (orders.body as { items: { id: string }[] }).items[0].id;
  }, 120_000);
  afterAll(() => app.close());

  /** The schema of a route's JSON answer, with `$ref`s pointing into the document. */
  const validatorFor = (path: string, status: number) => {
    const operation = document.paths[path]?.get;
    const answer = operation?.responses[status] as
      { content?: Record<string, { schema?: object }> } | undefined;
    const schema = answer?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`GET ${path} documents no JSON answer ${status}`);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'document', components: document.components });
    const resolved = JSON.parse(
      JSON.stringify(schema).replace(/"#\/components\//g, '"document#/components/'),
    ) as object;
    return ajv.compile(resolved);
  };

  it.each([
    ['/health', () => '/health'],
    ['/auth/me', () => '/auth/me'],
    ['/vendors', () => '/vendors'],
    ['/vendors/{id}', () => `/vendors/${ids.vendor}`],
    ['/products/{id}', () => `/products/${ids.product}`],
    ['/customers', () => '/customers'],
    ['/customers/{id}', () => `/customers/${ids.customer}`],
    ['/backorders', () => '/backorders'],
    ['/backorders/{id}', () => `/backorders/${ids.backorder}`],
    ['/backorders/{id}/timeline', () => `/backorders/${ids.backorder}/timeline`],
    ['/backorders/{id}/account', () => `/backorders/${ids.backorder}/account`],
    ['/lookup', () => '/lookup?q=Ana'],
    ['/catalog/search', () => '/catalog/search?q=Heriz'],
    ['/stock', () => `/stock?productId=${ids.product}`],
    ['/purchase-orders', () => '/purchase-orders'],
    ['/purchase-orders/drafts', () => '/purchase-orders/drafts'],
    ['/purchase-orders/{id}', () => `/purchase-orders/${ids.po}`],
    ['/purchase-orders/{id}/receiving', () => `/purchase-orders/${ids.po}/receiving`],
  ])('GET %s', async (path, url) => {
    const answer = await app.http.get(url());
    expect(answer.status).toBe(200);
    const validate = validatorFor(path, 200);
    validate(answer.body);
    expect(validate.errors ?? []).toEqual([]);
  });
});
