import { answer } from '../shared/http/api-answer';

/**
 * What the routes of catalog-search.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const CATALOG_SEARCH_ANSWERS = {
  /** GET /catalog/search (200) */
  search: answer(
    {
      items: [
        {
          id: '70722825-ceb7-52b9-a0ad-2915f45ed69f',
          vendorId: '0597ce93-cf00-4b9e-8fad-798e5e4b83c9',
          vendorSku: 'NR-KAS-0508',
          name: 'Kashan Medallion Ivory/Navy',
          collection: 'Persian Heritage',
          design: null,
          color: 'Ivory/Navy',
          size: '5\'3" x 7\'6"',
          material: null,
          images: ['https://img.example/kas-1.jpg'],
          dimensions: {
            widthCm: 160,
            lengthCm: 228.6,
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
          listedAt: '2026-12-02T16:35:48.772Z',
          updatedAt: '2026-12-02T16:35:48.772Z',
          onHand: 0,
          reserved: 0,
          widthCm: 160,
          lengthCm: 228.6,
          shape: 'rectangle',
          price: 129900,
          inStock: false,
          vendorName: 'Nourison',
        },
      ],
      nextCursor: null,
      facets: {
        vendor: [
          {
            id: '0597ce93-cf00-4b9e-8fad-798e5e4b83c9',
            name: 'Nourison',
            count: 2,
          },
        ],
        color: [
          {
            value: 'Ivory',
            count: 1,
          },
        ],
      },
    },
    [
      'items[].design',
      'items[].dimensions',
      'items[].dimensions.lengthCm',
      'items[].dimensions.shape',
      'items[].dimensions.widthCm',
      'items[].lengthCm',
      'items[].material',

      'items[].shape',
      'items[].widthCm',
      'nextCursor',
    ],
  ),
};
