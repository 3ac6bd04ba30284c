import type {
  CashInDecision,
  OrderAccountDecision,
  OrderFacts,
  RefundDecision,
  ScheduleDecision,
} from '../../../src/payments/order-account.decisions';
import { orderAccountDecider } from '../../../src/payments/order-account.decider';
import type { OrderAccountEvent } from '../../../src/payments/order-account.events';
import { money } from '../../../src/shared/domain/money';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { given } from '../../support/decider';

const usd = (amount: number) => money(amount, 'USD');
const backorderId = 'bo-1';
const open: OrderFacts = { status: 'open', outcome: null };

const invoice = (overrides: { taxExempt?: boolean; taxRateBp?: number } = {}) =>
  ({
    kind: 'InvoiceOrder',
    invoice: {
      backorderId,
      backorderNumber: 'BO-000001',
      customerId: 'cust-1',
      currency: 'USD',
      taxRateBp: 825,
      taxExempt: false,
      exemptionReference: null,
      ...overrides,
      lines: [
        {
          lineId: 'L1',
          productId: 'p-1',
          quantity: 2,
          unitPrice: usd(99900),
          unitDiscount: usd(9900),
        },
        {
          lineId: 'L2',
          productId: 'p-2',
          quantity: 1,
          unitPrice: usd(99900),
          unitDiscount: usd(0),
        },
      ],
    },
  }) satisfies OrderAccountDecision;

const invoiced: OrderAccountEvent = {
  type: 'OrderInvoiced',
  data: {
    ...invoice().invoice,
    lines: [
      { ...invoice().invoice.lines[0], unitTax: usd(7425) },
      { ...invoice().invoice.lines[1], unitTax: usd(8242) },
    ],
  },
};
// 2 × (90000 + 7425) + (99900 + 8242)
const TOTAL = 302992;

const cashIn = (overrides: Partial<CashInDecision> = {}): CashInDecision => ({
  kind: 'TakeDeposit',
  backorderId,
  paymentId: 'pay-1',
  amount: usd(50000),
  method: 'card',
  reference: null,
  installmentId: null,
  at: '2026-09-01T10:00:00.000Z',
  order: open,
  ...overrides,
});

const deposited: OrderAccountEvent = {
  type: 'DepositTaken',
  data: {
    backorderId,
    paymentId: 'pay-1',
    amount: usd(50000),
    method: 'card',
    reference: null,
    takenAt: '2026-09-01T10:00:00.000Z',
  },
};

const refund = (overrides: Partial<RefundDecision> = {}): RefundDecision => ({
  kind: 'IssueRefund',
  backorderId,
  refundId: 'ref-1',
  amount: usd(20000),
  method: 'card',
  reference: null,
  reason: 'line 2 cancelled',
  line: { lineId: 'L2', reducedOrCancelled: true, disposition: 'keep-as-stock' },
  ...overrides,
});

const schedule = (overrides: Partial<ScheduleDecision> = {}): ScheduleDecision => ({
  kind: 'AgreePaymentSchedule',
  backorderId,
  scheduleId: 'sch-1',
  scheduleKind: 'layaway',
  installments: [
    { installmentId: 'I1', dueOn: '2026-10-15', amount: usd(126496) },
    { installmentId: 'I2', dueOn: '2026-11-15', amount: usd(126496) },
  ],
  goodsReleasedWhen: 'when-paid-in-full',
  releaseAfterInstallmentId: null,
  order: open,
  ...overrides,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BusinessRuleViolation) return error.rule;
    throw error;
  }
  throw new Error('the decider did not refuse');
}

describe('order account decider', () => {
  describe('InvoiceOrder', () => {
    it('invoices each line with its discount and tax rounded half to even', () => {
      expect(given(orderAccountDecider, []).when(invoice())).toEqual([invoiced]);
    });

    it('charges no tax to an exempt customer and names the certificate', () => {
      const [event] = given(orderAccountDecider, []).when({
        ...invoice(),
        invoice: { ...invoice({ taxExempt: true }).invoice, exemptionReference: 'TX-1' },
      });
      expect(event.type === 'OrderInvoiced' && event.data.lines.map((l) => l.unitTax)).toEqual([
        usd(0),
        usd(0),
      ]);
    });

    it('does nothing when the same invoice is asked for again (a retried placement)', () => {
      expect(given(orderAccountDecider, [invoiced]).when(invoice())).toEqual([]);
    });

    it('refuses a second invoice with other figures', () => {
      expect(
        refusal(() => given(orderAccountDecider, [invoiced]).when(invoice({ taxRateBp: 700 }))),
      ).toBe('order-already-invoiced');
    });

    it('refuses a tax rate out of range and a discount above the price', () => {
      expect(
        refusal(() => given(orderAccountDecider, []).when(invoice({ taxRateBp: 10001 }))),
      ).toBe('tax-rate-out-of-range');
      const base = invoice();
      const discounted = {
        ...base,
        invoice: {
          ...base.invoice,
          lines: [{ ...base.invoice.lines[0], unitDiscount: usd(100000) }],
        },
      };
      expect(refusal(() => given(orderAccountDecider, []).when(discounted))).toBe(
        'discount-above-price',
      );
    });
  });

  describe('AdjustInvoiceLine', () => {
    const adjust = (quantity: number) => ({
      kind: 'AdjustInvoiceLine' as const,
      backorderId,
      lineId: 'L2',
      quantity,
      reason: 'cancelled',
    });

    it('follows the line to its new quantity', () => {
      expect(given(orderAccountDecider, [invoiced]).when(adjust(0))).toEqual([
        {
          type: 'InvoiceLineAdjusted',
          data: { backorderId, lineId: 'L2', quantity: 0, reason: 'cancelled' },
        },
      ]);
    });

    it('does nothing on a redelivered change, or for an order never invoiced', () => {
      const adjusted = given(orderAccountDecider, [invoiced]).when(adjust(0));
      expect(given(orderAccountDecider, [invoiced, ...adjusted]).when(adjust(0))).toEqual([]);
      expect(given(orderAccountDecider, []).when(adjust(0))).toEqual([]);
    });
  });

  describe('TakeDeposit and ReceivePayment', () => {
    it('takes a deposit and receives a payment towards the balance', () => {
      expect(given(orderAccountDecider, [invoiced]).when(cashIn())).toEqual([deposited]);
      expect(
        given(orderAccountDecider, [invoiced, deposited]).when(
          cashIn({
            kind: 'ReceivePayment',
            paymentId: 'pay-2',
            amount: usd(TOTAL - 50000),
            method: 'cheque',
            reference: 'CHQ 1',
          }),
        ),
      ).toEqual([
        {
          type: 'PaymentReceived',
          data: {
            backorderId,
            paymentId: 'pay-2',
            amount: usd(TOTAL - 50000),
            method: 'cheque',
            reference: 'CHQ 1',
            receivedAt: '2026-09-01T10:00:00.000Z',
            installmentId: null,
          },
        },
      ]);
    });

    it('does nothing when the same payment is recorded again; refuses its id with other details', () => {
      expect(given(orderAccountDecider, [invoiced, deposited]).when(cashIn())).toEqual([]);
      expect(
        refusal(() =>
          given(orderAccountDecider, [invoiced, deposited]).when(cashIn({ amount: usd(1) })),
        ),
      ).toBe('payment-id-reused');
    });

    it.each([
      ['overpayment', { amount: usd(TOTAL + 1) }],
      ['amount-not-positive', { amount: usd(0) }],
      ['amount-not-whole-minor-units', { amount: usd(12.5) }],
      ['wrong-currency', { amount: money(100, 'EUR') }],
      ['reference-required', { method: 'transfer' as const }],
      ['order-cancelled', { order: { status: 'closed' as const, outcome: 'cancelled' as const } }],
      ['unknown-installment', { kind: 'ReceivePayment' as const, installmentId: 'I9' }],
    ])('refuses with %s', (rule, overrides) => {
      expect(refusal(() => given(orderAccountDecider, [invoiced]).when(cashIn(overrides)))).toBe(
        rule,
      );
    });

    it('refuses money for an order closed and settled', () => {
      const paidInFull: OrderAccountEvent = {
        ...deposited,
        data: { ...deposited.data, amount: usd(TOTAL) },
      };
      expect(
        refusal(() =>
          given(orderAccountDecider, [invoiced, paidInFull]).when(
            cashIn({
              paymentId: 'pay-2',
              amount: usd(1),
              order: { status: 'closed', outcome: 'fulfilled' },
            }),
          ),
        ),
      ).toBe('order-closed');
    });

    it('refuses money for an account that was never invoiced', () => {
      expect(() => given(orderAccountDecider, []).when(cashIn())).toThrow(UnknownEntityError);
    });
  });

  describe('IssueRefund', () => {
    it('refunds a cancelled line, naming its disposition', () => {
      expect(given(orderAccountDecider, [invoiced, deposited]).when(refund())).toEqual([
        {
          type: 'RefundIssued',
          data: {
            backorderId,
            refundId: 'ref-1',
            amount: usd(20000),
            method: 'card',
            reference: null,
            reason: 'line 2 cancelled',
            lineId: 'L2',
            disposition: 'keep-as-stock',
          },
        },
      ]);
    });

    it('does nothing when the same refund is issued again', () => {
      const issued = given(orderAccountDecider, [invoiced, deposited]).when(refund());
      expect(given(orderAccountDecider, [invoiced, deposited, ...issued]).when(refund())).toEqual(
        [],
      );
    });

    it('refuses a refund larger than what was paid and not refunded', () => {
      const issued = given(orderAccountDecider, [invoiced, deposited]).when(refund());
      expect(
        refusal(() =>
          given(orderAccountDecider, [invoiced, deposited, ...issued]).when(
            refund({ refundId: 'ref-2', amount: usd(30001) }),
          ),
        ),
      ).toBe('refund-exceeds-paid');
    });

    it('refuses a refund for a line that was neither cancelled nor reduced', () => {
      expect(
        refusal(() =>
          given(orderAccountDecider, [invoiced, deposited]).when(
            refund({ line: { lineId: 'L1', reducedOrCancelled: false, disposition: null } }),
          ),
        ),
      ).toBe('line-not-cancelled');
    });
  });

  describe('AgreePaymentSchedule', () => {
    it('agrees a layaway that pays the balance due', () => {
      const [event] = given(orderAccountDecider, [invoiced, deposited]).when(schedule());
      expect(event).toMatchObject({
        type: 'PaymentScheduleAgreed',
        data: { scheduleId: 'sch-1', kind: 'layaway', releaseAfterInstallmentId: null },
      });
    });

    it('does nothing when the same schedule is agreed again', () => {
      const agreed = given(orderAccountDecider, [invoiced, deposited]).when(schedule());
      expect(given(orderAccountDecider, [invoiced, deposited, ...agreed]).when(schedule())).toEqual(
        [],
      );
    });

    it.each([
      [
        'schedule-does-not-sum-to-balance',
        { installments: [{ installmentId: 'I1', dueOn: '2026-10-15', amount: usd(1) }] },
      ],
      [
        'installments-out-of-order',
        {
          installments: [
            { installmentId: 'I1', dueOn: '2026-11-15', amount: usd(126496) },
            { installmentId: 'I2', dueOn: '2026-10-15', amount: usd(126496) },
          ],
        },
      ],
      [
        'release-installment-unknown',
        { goodsReleasedWhen: 'after-installment' as const, releaseAfterInstallmentId: 'I7' },
      ],
    ])('refuses with %s', (rule, overrides) => {
      expect(
        refusal(() => given(orderAccountDecider, [invoiced, deposited]).when(schedule(overrides))),
      ).toBe(rule);
    });

    it('counts payments against installments in due order', () => {
      const agreed = given(orderAccountDecider, [invoiced, deposited]).when(schedule());
      const history = [invoiced, deposited, ...agreed];
      const first = given(orderAccountDecider, history).when(
        cashIn({
          kind: 'ReceivePayment',
          paymentId: 'pay-2',
          amount: usd(126496),
          installmentId: 'I1',
        }),
      );
      expect(
        refusal(() =>
          given(orderAccountDecider, [...history, ...first]).when(
            cashIn({
              kind: 'ReceivePayment',
              paymentId: 'pay-3',
              amount: usd(1),
              installmentId: 'I1',
            }),
          ),
        ),
      ).toBe('installment-already-paid');
    });
  });
});
