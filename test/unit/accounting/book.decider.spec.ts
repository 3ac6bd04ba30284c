import {
  ChangeBookPolicy,
  CloseBookPeriod,
  PostBookAdjustment,
} from '../../../src/accounting/book.commands';
import { bookDecider } from '../../../src/accounting/book.decider';
import type { BookEvent } from '../../../src/accounting/book.events';
import { given, refusal as rule } from '../../support/decider';

const context = { actor: 'accountant', correlationId: 'c', causationId: 'c' };
const closedJanuary: BookEvent = {
  type: 'BookPeriodClosed',
  data: { bookId: 'main', period: '2026-01', policy: 'at-pickup' },
};
const effect = [
  { account: '2200' as const, debit: 500, credit: 0 },
  { account: '4000' as const, debit: 0, credit: 500 },
];

describe('book decider', () => {
  it('changes the policy with a justification and posts the cumulative effect in the open period', () => {
    const events = given(bookDecider, [closedJanuary]).when(
      new ChangeBookPolicy(
        'main',
        'at-set-aside',
        ' bill-and-hold terms ',
        effect,
        'adj-1',
        context,
      ),
    );
    expect(events).toEqual([
      {
        type: 'BookPolicyChanged',
        data: {
          bookId: 'main',
          from: 'at-pickup',
          to: 'at-set-aside',
          effectiveFrom: '2026-02',
          justification: 'bill-and-hold terms',
        },
      },
      {
        type: 'BookAdjustmentPosted',
        data: expect.objectContaining({
          adjustmentId: 'adj-1',
          period: '2026-02',
          kind: 'policy-change',
          lines: effect,
        }),
      },
    ]);
  });

  it('refuses a policy change without a justification (422)', () => {
    expect(
      rule(() =>
        given(bookDecider, []).when(
          new ChangeBookPolicy('main', 'at-order', '  ', [], 'a', context),
        ),
      ),
    ).toBe('policy-change-needs-justification');
  });

  it('a change to the active policy is a repeat: nothing happens', () => {
    expect(
      given(bookDecider, []).when(
        new ChangeBookPolicy('main', 'at-pickup', 'why', [], 'a', context),
      ),
    ).toEqual([]);
  });

  it('closes an ended period once; closing it again changes nothing; an earlier one is refused', () => {
    expect(
      given(bookDecider, []).when(new CloseBookPeriod('main', '2026-01', '2026-03', context)),
    ).toEqual([closedJanuary]);
    expect(
      given(bookDecider, [closedJanuary]).when(
        new CloseBookPeriod('main', '2026-01', '2026-03', context),
      ),
    ).toEqual([]);
    expect(
      rule(() =>
        given(bookDecider, [closedJanuary]).when(
          new CloseBookPeriod('main', '2025-12', '2026-03', context),
        ),
      ),
    ).toBe('period-already-closed');
    expect(
      rule(() =>
        given(bookDecider, []).when(new CloseBookPeriod('main', '2026-03', '2026-03', context)),
      ),
    ).toBe('period-not-ended');
  });

  it('refuses an adjustment into a closed period or one that does not balance; a repeat is a no-op', () => {
    const history = [closedJanuary];
    expect(
      rule(() =>
        given(bookDecider, history).when(
          new PostBookAdjustment('main', 'a', '2026-01', 'late', effect, context),
        ),
      ),
    ).toBe('period-closed');
    const unbalanced = [
      { account: '1000' as const, debit: 5, credit: 0 },
      { account: '4000' as const, debit: 0, credit: 4 },
    ];
    expect(
      rule(() =>
        given(bookDecider, history).when(
          new PostBookAdjustment('main', 'a', null, 'x', unbalanced, context),
        ),
      ),
    ).toBe('adjustment-unbalanced');
    const [posted] = given(bookDecider, history).when(
      new PostBookAdjustment('main', 'a', null, 'fix', effect, context),
    );
    expect(posted).toMatchObject({
      type: 'BookAdjustmentPosted',
      data: { period: '2026-02', kind: 'manual' },
    });
    expect(
      given(bookDecider, [...history, posted]).when(
        new PostBookAdjustment('main', 'a', null, 'fix', effect, context),
      ),
    ).toEqual([]);
  });
});
