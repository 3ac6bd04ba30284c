import type { Disposition } from '../backorders/backorder.events';
import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';

export const PAYMENT_METHODS = ['cash', 'card', 'cheque', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Cheques and transfers are traced by their number; cash and card need none. */
export const METHODS_NEEDING_REFERENCE: readonly PaymentMethod[] = ['cheque', 'transfer'];

export interface InvoiceLine {
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly unitDiscount: Money;
  /** round-half-even((unitPrice - unitDiscount) × taxRateBp / 10000); 0 when tax-exempt. */
  readonly unitTax: Money;
}

export type OrderInvoiced = DomainEvent<
  'OrderInvoiced',
  {
    readonly backorderId: string;
    readonly backorderNumber: string;
    readonly customerId: string;
    readonly currency: string;
    readonly taxRateBp: number;
    readonly taxExempt: boolean;
    readonly exemptionReference: string | null;
    readonly lines: readonly InvoiceLine[];
  }
>;

/** The invoice follows the order: a line's new quantity (0 when it was cancelled). */
export type InvoiceLineAdjusted = DomainEvent<
  'InvoiceLineAdjusted',
  {
    readonly backorderId: string;
    readonly lineId: string;
    readonly quantity: number;
    readonly reason: string;
  }
>;

export type DepositTaken = DomainEvent<
  'DepositTaken',
  {
    readonly backorderId: string;
    readonly paymentId: string;
    readonly amount: Money;
    readonly method: PaymentMethod;
    readonly reference: string | null;
    readonly takenAt: string;
  }
>;

export type PaymentReceived = DomainEvent<
  'PaymentReceived',
  {
    readonly backorderId: string;
    readonly paymentId: string;
    readonly amount: Money;
    readonly method: PaymentMethod;
    readonly reference: string | null;
    readonly receivedAt: string;
    /** The installment of the payment schedule this payment is for, when it is one. */
    readonly installmentId: string | null;
  }
>;

export type RefundIssued = DomainEvent<
  'RefundIssued',
  {
    readonly backorderId: string;
    readonly refundId: string;
    readonly amount: Money;
    readonly method: PaymentMethod;
    readonly reference: string | null;
    readonly reason: string;
    /** The cancelled or reduced line the refund is for, and what became of its supply. */
    readonly lineId: string | null;
    readonly disposition: Disposition | null;
  }
>;

export const SCHEDULE_KINDS = ['installments', 'layaway'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** When the customer may take the goods under a schedule. */
export const RELEASE_POINTS = ['on-agreement', 'when-paid-in-full', 'after-installment'] as const;
export type ReleasePoint = (typeof RELEASE_POINTS)[number];

export interface Installment {
  readonly installmentId: string;
  /** A calendar day in the store's zone, YYYY-MM-DD. */
  readonly dueOn: string;
  readonly amount: Money;
}

export type PaymentScheduleAgreed = DomainEvent<
  'PaymentScheduleAgreed',
  {
    readonly backorderId: string;
    readonly scheduleId: string;
    readonly kind: ScheduleKind;
    readonly installments: readonly Installment[];
    readonly goodsReleasedWhen: ReleasePoint;
    readonly releaseAfterInstallmentId: string | null;
  }
>;

export type OrderAccountEvent =
  | OrderInvoiced
  | InvoiceLineAdjusted
  | DepositTaken
  | PaymentReceived
  | RefundIssued
  | PaymentScheduleAgreed;

export const ORDER_ACCOUNT_EVENT_TYPES: readonly OrderAccountEvent['type'][] = [
  'OrderInvoiced',
  'InvoiceLineAdjusted',
  'DepositTaken',
  'PaymentReceived',
  'RefundIssued',
  'PaymentScheduleAgreed',
];
