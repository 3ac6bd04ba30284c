import {
  ChangeLine,
  FulfilLine,
  RecordReadyNotice,
} from '../../../../src/backorders/backorder.commands';
import { lineCompletionDecider } from '../../../../src/backorders/line-completion.decider';
import { BusinessRuleViolation } from '../../../../src/shared/domain/domain-errors';
import {
  backorderId,
  offered,
  onPo,
  placed,
  placedAt,
  setAside,
} from '../../../support/backorder-history';
import { context } from '../../../support/domain-fixtures';
import { scenario } from '../../../support/given-when-then';

describe('line completion decider', () => {
  const completion = scenario(lineCompletionDecider);
  const held = [placed(), onPo('a-1', 2), setAside('op-1', 2)];
  const notice = new RecordReadyNotice(
    backorderId,
    ['l-1'],
    'email',
    'ada@example.com',
    placedAt,
    context,
  );

  it('records a ready notice for wholly held lines, once', () => {
    completion
      .given(held)
      .when(notice)
      .then([
        {
          type: 'BackorderReadyNoticeRecorded',
          data: {
            backorderId,
            lineIds: ['l-1'],
            channel: 'email',
            recipient: 'ada@example.com',
            sentAt: placedAt,
          },
        },
      ]);
    completion
      .given([placed(), onPo('a-1', 2), setAside('op-1', 1)])
      .when(notice)
      .thenNothingHappened();
  });

  it('fulfils a held line and closes the order with it', () => {
    completion
      .given(held)
      .when(new FulfilLine(backorderId, 'l-1', 'pickup', context))
      .then([
        {
          type: 'BackorderLineFulfilled',
          data: {
            backorderId,
            lineId: 'l-1',
            quantity: 2,
            method: 'pickup',
            issued: [{ productId: 'p-1', quantity: 2 }],
          },
        },
        { type: 'BackorderClosed', data: { backorderId, outcome: 'fulfilled' } },
      ]);
  });

  it('refuses to fulfil a line whose units are not all held', () => {
    completion
      .given([placed(), onPo('a-1', 2), setAside('op-1', 1)])
      .when(new FulfilLine(backorderId, 'l-1', 'pickup', context))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('line-not-ready'));
  });

  it('asks for a disposition before letting go of units on order, and waits for a pending substitute', () => {
    const cancel = (disposition: null | 'keep-as-stock') =>
      new ChangeLine(
        backorderId,
        'l-1',
        { quantity: 0, cancel: true, reason: 'changed mind', disposition, handedOver: 0 },
        context,
      );
    completion
      .given([placed(), onPo('a-1', 2)])
      .when(cancel(null))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('disposition-required'));
    completion
      .given([placed(), onPo('a-1', 2), offered])
      .when(cancel('keep-as-stock'))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('substitution-pending'));
  });
});
