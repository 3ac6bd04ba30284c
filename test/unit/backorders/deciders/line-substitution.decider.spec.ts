import {
  DecideSubstitution,
  OfferSubstitution,
} from '../../../../src/backorders/backorder.commands';
import { lineSubstitutionDecider } from '../../../../src/backorders/line-substitution.decider';
import { BusinessRuleViolation } from '../../../../src/shared/domain/domain-errors';
import { backorderId, offer, offered, onPo, placed } from '../../../support/backorder-history';
import { context } from '../../../support/domain-fixtures';
import { scenario } from '../../../support/given-when-then';

describe('line substitution decider', () => {
  const substitution = scenario(lineSubstitutionDecider);
  const onOrder = [placed(), onPo('a-1', 2)];
  const { receiptId, poId, allocationId, substitute, quantity } = offer;
  const decided = {
    backorderId,
    lineId: 'l-1',
    receiptId,
    poId,
    allocationId,
    substitute,
    quantity,
  };

  it('offers a substitute once per receipt and allocation', () => {
    const command = new OfferSubstitution(backorderId, 'l-1', offer, context);
    substitution.given(onOrder).when(command).then([offered]);
    substitution
      .given([...onOrder, offered])
      .when(command)
      .thenNothingHappened();
  });

  it('keeps the reason of an acceptance (version 2) as of a rejection', () => {
    substitution
      .given([...onOrder, offered])
      .when(new DecideSubstitution(backorderId, 'l-1', true, 'likes the ivory', context))
      .then([
        {
          type: 'BackorderLineSubstitutionAccepted',
          data: { ...decided, reason: 'likes the ivory' },
        },
      ]);
    substitution
      .given([...onOrder, offered])
      .when(new DecideSubstitution(backorderId, 'l-1', false, 'wants the red one', context))
      .then([
        {
          type: 'BackorderLineSubstitutionRejected',
          data: { ...decided, reason: 'wants the red one' },
        },
      ]);
  });

  it('refuses a decision when no substitute waits for one', () => {
    substitution
      .given(onOrder)
      .when(new DecideSubstitution(backorderId, 'l-1', true, '', context))
      .thenThrows(BusinessRuleViolation, (e) => expect(e.rule).toBe('no-substitution-pending'));
  });
});
