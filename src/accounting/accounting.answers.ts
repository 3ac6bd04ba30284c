import { answer } from '../shared/http/api-answer';
import {
  accountBalanceExample,
  periodsExample,
  policyBookExample,
} from '../shared/http/answer-fragments';

/**
 * What the routes of accounting.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const ACCOUNTING_ANSWERS = {
  /** GET /accounting/journal (200) */
  journal: answer(
    {
      policy: 'at-pickup',
      asOf: null,
      entries: [],
    },
    ['asOf'],
  ),
  /** GET /accounting/trial-balance (200) */
  trialBalance: answer(
    {
      view: 'book main (at-pickup)',
      asOf: '2026-12-02T15:30:17.862Z',
      lines: [accountBalanceExample],
      debit: 0,
      credit: 0,
      balanced: true,
    },
    ['asOf'],
  ),
  /** GET /accounting/profit-and-loss (200) */
  profitAndLoss: answer(
    {
      view: 'book main (at-pickup)',
      asOf: null,
      months: [
        {
          period: '2026-01',
          revenue: 0,
          costOfGoodsSold: 0,
          priceVariance: 0,
          grossMargin: 0,
        },
      ],
    },
    ['asOf'],
  ),
  /** GET /accounting/contract-liability (200) */
  contractLiability: answer(
    {
      view: 'book main (at-pickup)',
      asOf: null,
      months: [],
    },
    ['asOf'],
  ),
  /** GET /accounting/compare (200) */
  compare: answer(
    {
      policies: [
        {
          policy: 'at-pickup',
          description: 'revenue when the customer receives the goods (control passes); the default',
        },
      ],
      from: '2026-01',
      to: '2026-03',
      periods: [
        {
          period: '2026-01',
          policies: {
            'at-pickup': {
              revenue: 0,
              cost: 0,
              liability: 500,
            },
            'at-set-aside': {
              revenue: 0,
              cost: 0,
              liability: 500,
            },
            'at-order': {
              revenue: 1800,
              cost: 1200,
              liability: 0,
            },
          },
        },
      ],
    },
    ['from', 'to'],
  ),
  /** GET /accounting/invariants (200) */
  invariants: answer({
    holds: true,
    checks: [
      {
        rule: 'every-entry-balances',
        holds: true,
        detail: '15 entries, 0 unbalanced',
      },
    ],
  }),
  /** POST /accounting/replays (202) */
  startReplay: answer(
    {
      jobId: 'aab3b4ac-e4e9-4743-8359-06123c5b3b1f',
      policies: ['at-pickup'],
      asOf: null,
      startedBy: 'accounting-1',
      status: 'done',
      events: 0,
      progress: 1,
      eventsPerSecond: 0,
      error: null,
      summary: {
        events: 0,
        entries: 0,
        unbalancedEntries: 0,
        ms: 26,
        eventsPerSecond: 0,
        policies: {
          'at-pickup': policyBookExample,
          'at-set-aside': policyBookExample,
          'at-order': policyBookExample,
        },
      },
    },
    ['asOf', 'error', 'summary'],
  ),
  /** GET /accounting/replays/:jobId (200) */
  replay: answer(
    {
      jobId: '2f84bc4b-da09-4d8a-9227-4c393c284c6c',
      policies: ['at-set-aside'],
      asOf: null,
      startedBy: 'audrey',
      status: 'done',
      events: 11,
      progress: 1,
      eventsPerSecond: 476,
      error: null,
      summary: {
        events: 11,
        entries: 5,
        unbalancedEntries: 0,
        ms: 24,
        eventsPerSecond: 453,
        policies: {
          'at-set-aside': {
            trialBalance: {
              lines: [
                {
                  account: '1000',
                  name: 'Cash',
                  debit: 1948,
                  credit: 0,
                },
              ],
              debit: 7216,
              credit: 7216,
              balanced: true,
            },
            periods: [periodsExample],
          },
        },
      },
    },
    ['asOf', 'error'],
  ),
};
