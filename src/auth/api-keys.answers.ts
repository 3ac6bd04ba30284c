import { answer } from '../shared/http/api-answer';

/**
 * What the routes of api-keys.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const API_KEYS_ANSWERS = {
  /** POST /api-keys (201) */
  issue: answer({
    id: 'ce5253e545804daca9526ce6d3e0ba45',
    name: 'web-shop-sync',
    roles: ['sales'],
    key: 'blk_ce5253e545804daca9526ce6d3e0ba45_shown-once-only-its-sha256-is-kept',
  }),
  /** GET /api-keys (200) */
  list: answer(
    {
      items: [
        {
          id: 'ce5253e545804daca9526ce6d3e0ba45',
          name: 'web-shop-sync',
          roles: ['sales'],
          status: 'active',
          issuedAt: '2026-12-02T16:32:14.512Z',
          issuedBy: 'admin',
          revokedAt: null,
        },
      ],
      nextCursor: null,
    },
    ['nextCursor'],
  ),
  /** POST /api-keys/:id/revoke (200) */
  revoke: answer({
    id: 'ce5253e545804daca9526ce6d3e0ba45',
    revoked: true,
    changed: true,
  }),
};
