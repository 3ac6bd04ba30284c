import { answer } from '../shared/http/api-answer';

/**
 * What the routes of customer.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const CUSTOMER_ANSWERS = {
  /** POST /customers (201) */
  register: answer({
    id: '7df669b2-3758-47e5-bcee-a0a701c3d9aa',
  }),
  /** PATCH /customers/:id (200) */
  change: answer({
    id: 'db7d712c-777e-4871-b251-6b4657bd5fc9',
    changed: true,
  }),
  /** GET /customers (200) */
  list: answer(
    {
      items: [
        {
          id: '63e5d785-ea84-4bb4-af2e-1f37c9017915',
          name: 'Ann Smith',
          phone: '+1 201 555 0100',
          email: 'ann@example.com',
          registeredAt: '2026-12-02T16:35:29.460Z',
          updatedAt: '2026-12-02T16:35:29.460Z',
        },
      ],
      nextCursor: 'WyJhbWVsaWEgaGFydGxleSIsImRiN2Q3MTJjLTc3N2UtNDg3MS1iMjUxLTZiNDY1N2JkNWZjOSJd',
    },
    ['items[].email', 'items[].phone', 'nextCursor'],
  ),
  /** GET /customers/:id (200) */
  get: answer(
    {
      id: 'db7d712c-777e-4871-b251-6b4657bd5fc9',
      name: 'Amelia Hartley',
      phone: '(201) 555-0143',
      email: 'amelia@example.com',
      registeredAt: '2026-12-02T16:37:19.440Z',
      updatedAt: '2026-12-02T16:37:19.440Z',
    },
    ['email'],
  ),
};
