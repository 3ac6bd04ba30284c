import type { DomainEvent } from '../../src/shared/domain/decider';
import type { Money } from '../../src/shared/domain/money';

/*
 * The payments feature's events as the order's timeline reads them. Payments builds on backorders
 * (it invoices placed orders), so the order views declare the few fields they show instead of
 * importing payments' types: the dependency stays one way. payments/order-account.events.ts is
 * the source of these shapes; a payments spec checks they still fit.
 */

interface Paid {
  readonly backorderId: string;
  readonly amount: Money;
  readonly method: string;
  readonly reference: string | null;
}

export type DepositTakenFact = DomainEvent<'DepositTaken', Paid>;
export type PaymentReceivedFact = DomainEvent<
  'PaymentReceived',
  Paid & { readonly installmentId: string | null }
>;
export type RefundIssuedFact = DomainEvent<
  'RefundIssued',
  Paid & {
    readonly reason: string;
    readonly lineId: string | null;
    readonly disposition: string | null;
  }
>;
export type PaymentScheduleAgreedFact = DomainEvent<
  'PaymentScheduleAgreed',
  {
    readonly backorderId: string;
    readonly kind: 'installments' | 'layaway';
    readonly installments: readonly { readonly dueOn: string; readonly amount: Money }[];
    readonly goodsReleasedWhen: 'on-agreement' | 'when-paid-in-full' | 'after-installment';
    readonly releaseAfterInstallmentId: string | null;
  }
>;
