import { answer } from '../shared/http/api-answer';
import { periodsExample } from '../shared/http/answer-fragments';

/**
 * What the routes of book.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
/** A policy change's restatement, as both the change and GET …/restatement answer it. */
const restatementExample = {
  from: 'at-pickup',
  to: 'at-set-aside',
  closedThrough: '2026-02',
  periods: [
    {
      period: '2026-01',
      closed: true,
      old: periodsExample,
      new: periodsExample,
    },
  ],
  cumulativeEffect: {
    revenue: 0,
    cost: 0,
    deposits: 0,
  },
  adjustment: [
    {
      account: '1100',
      debit: 1448,
      credit: 0,
    },
  ],
};

export const BOOK_ANSWERS = {
  /** GET /books/:bookId (200) */
  show: answer({
    bookId: 'main',
    policy: 'at-set-aside',
    policyDescription:
      'bill-and-hold: revenue when the unit has arrived and is set aside for that customer',
    closedThrough: '2026-02',
    changes: [
      {
        bookId: 'main',
        from: 'at-pickup',
        to: 'at-set-aside',
        effectiveFrom: '2026-03',
        justification: 'bill-and-hold agreements signed with customers',
        actor: 'staff',
        at: '2026-12-02T16:30:13.671Z',
      },
    ],
    closes: [
      {
        period: '2026-02',
        policy: 'at-pickup',
        at: '2026-12-02T16:30:13.328Z',
      },
    ],
    adjustments: [
      {
        bookId: 'main',
        adjustmentId: 'ebaf4443-ede5-4dde-a9a3-6460d8a96b59',
        period: '2026-03',
        reason:
          'cumulative effect of the change from at-pickup to at-set-aside on the closed periods',
        kind: 'policy-change',
        lines: [
          {
            account: '1100',
            debit: 1448,
            credit: 0,
          },
        ],
        at: '2026-12-02T16:30:13.671Z',
      },
    ],
  }),
  /** POST /books/:bookId/policy (200) */
  changePolicy: answer({
    changed: true,
    restatement: restatementExample,
  }),
  /** GET /books/:bookId/restatement (200) */
  restatement: answer({
    change: {
      bookId: 'main',
      from: 'at-pickup',
      to: 'at-set-aside',
      effectiveFrom: '2026-03',
      justification: 'bill-and-hold agreements signed with customers',
      actor: 'staff',
      at: '2026-12-02T16:30:13.671Z',
    },
    restatement: restatementExample,
  }),
  /** POST /books/:bookId/periods (200) */
  closePeriod: answer({
    closed: '2026-02',
    changed: true,
  }),
  /** POST /books/:bookId/adjustments (201) */
  postAdjustment: answer({
    adjustmentId: '6a1f0c2e-9b3d-4e7a-8c5f-2d4b6e8a0c1f',
    period: '2026-03',
  }),
};
