import { answer } from '../../shared/http/api-answer';

/**
 * What the routes of import-profiles.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const IMPORT_PROFILES_ANSWERS = {
  /** PUT /vendors/:id/import-profiles/:name (200) */
  save: answer({
    vendorId: '0597ce93-cf00-4b9e-8fad-798e5e4b83c9',
    name: 'spring',
    changed: true,
  }),
  /** GET /vendors/:id/import-profiles (200) */
  list: answer({
    items: [
      {
        format: 'csv',
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
        currency: 'USD',
        name: 'spring',
      },
    ],
  }),
};
