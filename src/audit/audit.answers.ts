import { answer } from '../shared/http/api-answer';

/**
 * What the routes of audit.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const AUDIT_ANSWERS = {
  /** GET /audit/verify/jobs/:id (200) */
  job: answer(
    {
      id: '62678e33-9ea2-4600-bee2-19729605a13a',
      state: 'failed',
      startedAt: '2026-12-02T16:37:30.188Z',
      finishedAt: '2026-12-02T16:37:30.193Z',
      verified: 7,
      total: 7,
      report: {
        ok: false,
        events: 7,
        streams: 7,
        digests: 1,
        lastPosition: 7,
        unsealedEvents: 2,
        findingsTotal: 1,
        findings: [
          {
            kind: 'changed',
            stream: 'customer-5652f81f-be6a-41db-9e45-85a1ce6af73d',
            revision: 0,
            position: 5,
            message:
              'customer-5652f81f-be6a-41db-9e45-85a1ce6af73d revision 0 (position 5) is not what was appended: its content or chain hash was changed',
          },
        ],
      },
      error: null,
    },
    ['error'],
  ),
};
