import { answer } from '../shared/http/api-answer';
import { vendorExample } from '../shared/http/answer-fragments';

/**
 * What the routes of vendor.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const VENDOR_ANSWERS = {
  /** POST /vendors (201) */
  register: answer({
    id: 'dd1dacf2-992a-47e0-ab6c-39a25ee0ded4',
  }),
  /** PATCH /vendors/:id (200) */
  changeTerms: answer({
    id: '8f58aaca-2cca-49f1-b5a2-d31876ab8964',
    changed: true,
  }),
  /** GET /vendors (200) */
  list: answer(
    {
      items: [vendorExample],
      nextCursor: null,
    },
    ['items[].email', 'items[].phone', 'nextCursor'],
  ),
  /** GET /vendors/:id (200) */
  get: answer(vendorExample, ['email', 'phone']),
};
