import { answer } from '../shared/http/api-answer';

/**
 * What the routes of stock.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const STOCK_ANSWERS = {
  /** GET /stock (200) */
  level: answer(
    {
      id: '8500845b-6f3a-5506-ad00-1b9cd4a0daae',
      onHand: 2,
      reserved: 2,
      available: 0,
      reservations: [
        {
          backorderId: '4ea28eeb-dda0-4001-90cd-e8c974d46fe6',
          lineId: 'L1',
          quantity: 1,
        },
      ],
      updatedAt: '2026-12-02T16:35:32.753Z',
    },
    ['updatedAt'],
  ),
  /** POST /stock/adjustments (201) */
  adjust: answer({
    id: 'd02aa8d1-5777-4696-b570-279105c082e5',
    productId: '54c7e236-f97c-58bd-a53a-37df8d748ac5',
  }),
};
