import { answer } from '../shared/http/api-answer';

/**
 * What the routes of lookup.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const LOOKUP_ANSWERS = {
  /** GET /lookup (200) */
  lookup: answer(
    [
      {
        backorderId: 'd181a38b-4990-43eb-bb02-3a17fdd4c73b',
        number: 'BO-000003',
        customerName: 'Cy Young',
        placedAt: '2026-12-02T16:35:30.289Z',
        status: 'open',
        outcome: null,
        summary: '2 ready for pickup',
        eta: null,
        lines: [
          {
            lineId: 'L1',
            lineNumber: 1,
            productName: 'Heriz Persian',
            status: 'ready',
            eta: null,
          },
        ],
      },
    ],
    ['[].eta', '[].lines[].eta', '[].outcome'],
  ),
};
