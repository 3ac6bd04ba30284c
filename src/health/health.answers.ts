import { answer } from '../shared/http/api-answer';

/**
 * What the routes of health.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const HEALTH_ANSWERS = {
  /** GET /health (200) */
  check: answer(
    {
      status: 'degraded',
      eventStore: {
        status: 'ok',
        adapter: 'sqlite',
        head: {
          position: {
            commit: 16,
            prepare: 16,
          },
          recordedAt: '2026-12-02T16:30:16.621Z',
        },
      },
      readStore: {
        status: 'ok',
        adapter: 'sqlite',
      },
      projections: [
        {
          name: 'stream_activity',
          version: 1,
          state: 'live',
          serving: true,
          position: {
            commit: 16,
            prepare: 16,
          },
          eventsBehind: 0,
          msBehind: 0,
          failure: {
            eventId: 'bfe5df72-14c1-41f5-b733-f3770efdf469',
            eventType: 'PurchaseOrderReceiptRecorded',
            position: {
              commit: 8,
              prepare: 8,
            },
            message: "Cannot read properties of undefined (reading 'map')",
          },
          lastError: null,
        },
      ],
      reactors: [
        {
          name: 'purchase-order-placement',
          state: 'failed',
          position: {
            commit: 2,
            prepare: 2,
          },
          failure: {
            eventId: '3cab5279-5ccc-4158-afd0-0f771d3dd08b',
            eventType: 'BackorderPlaced',
            position: {
              commit: 3,
              prepare: 3,
            },
            message: 'vendor undefined does not exist',
          },
          lastError: null,
          eventsBehind: 14,
          msBehind: 4651,
        },
      ],
      eventLoopDelay: {
        p50Ms: 19.55,
        p99Ms: 122.16,
        maxMs: 2875.2,
        windowMs: 12909,
      },
      ledger: {
        holds: true,
        failing: [],
      },
    },
    [
      'projections[].failure',
      'projections[].lastError',
      'reactors[].failure',
      'reactors[].lastError',
    ],
  ),
};
