import { answer } from '../shared/http/api-answer';

/**
 * What the routes of vendor.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests, lists cut to one or two items; `nullable` names the fields
 * other answers sent as null.
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
      items: [
        {
          id: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
          name: 'Nourison',
          leadTimeDays: 21,
          consolidation: 'daily',
          email: null,
          phone: null,
          registeredAt: '2026-12-02T16:35:26.089Z',
          updatedAt: '2026-12-02T16:35:26.089Z',
        },
      ],
      nextCursor: null,
    },
    ['items[].email', 'items[].phone', 'nextCursor'],
  ),
  /** GET /vendors/:id (200) */
  get: answer(
    {
      id: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
      name: 'Nourison',
      leadTimeDays: 21,
      consolidation: 'daily',
      email: null,
      phone: null,
      registeredAt: '2026-12-02T16:35:26.089Z',
      updatedAt: '2026-12-02T16:35:26.089Z',
    },
    ['email', 'phone'],
  ),
};
