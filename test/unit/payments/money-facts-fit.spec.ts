import type {
  DepositTakenFact,
  PaymentReceivedFact,
  PaymentScheduleAgreedFact,
  RefundIssuedFact,
} from '../../../projections/backorders/money-facts';
import type {
  DepositTaken,
  PaymentReceived,
  PaymentScheduleAgreed,
  RefundIssued,
} from '../../../src/payments/order-account.events';

/**
 * The order's timeline declares the payments events' shapes it reads (so backorders need not
 * import payments); this spec is type-checked, so a payments event that stops fitting fails it.
 */
describe('the money facts the timeline reads', () => {
  it('are fitted by the payments events', () => {
    const fits = (events: {
      deposit: DepositTaken;
      payment: PaymentReceived;
      refund: RefundIssued;
      schedule: PaymentScheduleAgreed;
    }): [DepositTakenFact, PaymentReceivedFact, RefundIssuedFact, PaymentScheduleAgreedFact] => [
      events.deposit,
      events.payment,
      events.refund,
      events.schedule,
    ];
    expect(typeof fits).toBe('function');
  });
});
