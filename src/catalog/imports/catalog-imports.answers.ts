import { answer } from '../../shared/http/api-answer';
import { reviewExample, selectionExample } from '../../shared/http/answer-fragments';

/**
 * What the routes of catalog-imports.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const CATALOG_IMPORTS_ANSWERS = {
  /** POST /catalog/imports (201) */
  upload: answer(
    {
      id: '5dc5a0b7-bdf9-42e6-9b29-e0998b48e158',
      vendorId: '0597ce93-cf00-4b9e-8fad-798e5e4b83c9',
      profile: 'spring',
      fileName: 'sheet.csv',
      status: 'reviewed',
      failure: null,
      progress: {
        bytesReceived: 735,
        rowsRead: 10,
        rowsPerSecond: 84,
        applied: 0,
        toApply: 0,
      },
      review: {
        rows: 10,
        valid: 5,
        invalid: 5,
        new: 5,
        costChanged: 0,
        priceChanged: 0,
        detailsChanged: 0,
        unchanged: 0,
        missing: 0,
      },
      selection: null,
    },
    ['failure', 'selection'],
  ),
  /** GET /catalog/imports/:id (200) */
  get: answer(
    {
      id: 'cc08b50b-e90b-400c-9c5d-8eacc4529dd3',
      vendorId: '0597ce93-cf00-4b9e-8fad-798e5e4b83c9',
      profile: 'spring',
      fileName: 'sheet-3.csv',
      status: 'applied',
      failure: null,
      progress: {
        bytesReceived: 124,
        rowsRead: 1,
        rowsPerSecond: 18,
        applied: 1,
        toApply: 1,
      },
      review: reviewExample,
      selection: selectionExample,
    },
    ['failure', 'selection.skus'],
  ),
  /** GET /catalog/imports/:id/changes (200) */
  changes: answer(
    {
      items: [
        {
          rowNumber: 2,
          vendorSku: 'NR-KAS-0508',
          productId: '70722825-ceb7-52b9-a0ad-2915f45ed69f',
          reason: "cost: price cannot be negative: '-10'",
          product: {
            vendorSku: 'NR-KAS-0508',
            name: 'Kashan Medallion Ivory/Navy',
            collection: 'Persian Heritage',
            design: null,
            color: 'Ivory/Navy',
            material: null,
            size: '5\'3" x 7\'6"',
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
            images: ['https://img.example/kas-1.jpg'],
          },
          kind: 'new',
          cost: null,
          retailPrice: {
            old: {
              amount: 129900,
              currency: 'USD',
            },
            new: {
              amount: 139900,
              currency: 'USD',
            },
            percent: 7.7,
          },
          details: null,
        },
      ],
      nextCursor: null,
    },
    [
      'items[].cost',
      'items[].details',
      'items[].product',
      'items[].product.design',
      'items[].product.dimensions',
      'items[].product.dimensions.lengthCm',
      'items[].product.dimensions.shape',
      'items[].product.dimensions.widthCm',
      'items[].product.material',
      'items[].productId',
      'items[].reason',
      'items[].retailPrice',
      'items[].rowNumber',
      'items[].vendorSku',
      'nextCursor',
    ],
  ),
  /** POST /catalog/imports/:id/apply (202) */
  apply: answer(
    {
      id: 'cc08b50b-e90b-400c-9c5d-8eacc4529dd3',
      vendorId: '0597ce93-cf00-4b9e-8fad-798e5e4b83c9',
      profile: 'spring',
      fileName: 'sheet-3.csv',
      status: 'applying',
      failure: null,
      progress: {
        bytesReceived: 124,
        rowsRead: 1,
        rowsPerSecond: 0,
        applied: 0,
        toApply: 1,
      },
      review: reviewExample,
      selection: selectionExample,
    },
    ['failure', 'selection.skus'],
  ),
};
