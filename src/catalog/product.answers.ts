import { answer } from '../shared/http/api-answer';

/**
 * What the routes of product.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const PRODUCT_ANSWERS = {
  /** POST /products (201) */
  listProduct: answer({
    id: '284cff8a-e83c-55d3-9822-7da4ad373014',
  }),
  /** PATCH /products/:id (200) */
  revise: answer({
    id: 'ca828544-2901-5a48-b3c9-6d33f112d525',
    changed: true,
  }),
  /** GET /products (200) */
  search: answer(
    {
      items: [
        {
          id: '8500845b-6f3a-5506-ad00-1b9cd4a0daae',
          vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
          vendorSku: 'HER-01',
          name: 'Heriz Persian',
          collection: 'Heritage',
          design: 'Kashan',
          color: 'Navy',
          size: '5\'3" x 7\'6"',
          material: 'Hand-knotted wool',
          images: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
          dimensions: {
            widthCm: 160,
            lengthCm: 228.6,
            shape: 'rectangle',
          },
          cost: {
            amount: 40000,
            currency: 'USD',
          },
          retailPrice: {
            amount: 99900,
            currency: 'USD',
          },
          status: 'listed',
          listedAt: '2026-12-02T16:35:26.183Z',
          updatedAt: '2026-12-02T16:35:26.183Z',
          onHand: 1,
          reserved: 1,
          widthCm: 160,
          lengthCm: 228.6,
          shape: 'rectangle',
          price: 99900,
          inStock: false,
          vendorName: 'Nourison',
        },
      ],
      nextCursor: 'WyJOUi1UQUItMDAwMSIsIjI3ZDIwOTI2LTRlNGMtNTJkYy1hZWNiLWIxMWVjYTM2NmQ0MCJd',
    },
    [
      'items[].collection',
      'items[].design',
      'items[].dimensions',
      'items[].dimensions.lengthCm',
      'items[].dimensions.shape',
      'items[].dimensions.widthCm',
      'items[].lengthCm',
      'items[].material',
      'items[].shape',
      'items[].size',
      'items[].widthCm',
      'nextCursor',
    ],
  ),
  /** GET /products/:id (200) */
  get: answer(
    {
      id: '2eb00a8d-04ea-548a-8e04-ac4709225bd7',
      vendorId: '3a091f25-7552-4e13-8ecc-385b54b03b09',
      vendorSku: 'NR-KAS-0508',
      name: 'Kashan Medallion',
      collection: 'Persian Heritage',
      design: 'Kashan',
      color: 'Ivory/Navy',
      size: '5x8',
      material: 'Hand-knotted wool',
      images: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
      dimensions: {
        widthCm: 152.4,
        lengthCm: 243.8,
        shape: 'rectangle',
      },
      cost: {
        amount: 64900,
        currency: 'USD',
      },
      retailPrice: {
        amount: 129900,
        currency: 'USD',
      },
      status: 'listed',
      listedAt: '2026-12-02T16:36:04.336Z',
      updatedAt: '2026-12-02T16:36:04.336Z',
      onHand: 0,
      reserved: 0,
      widthCm: 152.4,
      lengthCm: 243.8,
      shape: 'rectangle',
      price: 129900,
      inStock: false,
      vendorName: 'Nourison Rugs',
    },
    [
      'collection',
      'design',
      'dimensions',
      'dimensions.lengthCm',
      'dimensions.shape',
      'dimensions.widthCm',
      'lengthCm',
      'material',
      'shape',
      'widthCm',
    ],
  ),
};
