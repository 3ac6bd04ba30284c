import type { Disposition } from '../backorders/backorder.events';
import type { Money } from '../shared/domain/money';
import type { AdjustInvoiceLine, AgreePaymentSchedule, CashIn } from './order-account.commands';
import type { InvoiceLine, OrderInvoiced, PaymentMethod } from './order-account.events';

/**
 * What the decider decides on: the command as it was asked, with the facts the handler looked up
 * beforehand (the order's standing, the tax rate, the time), so that deciding stays pure.
 */
export interface OrderFacts {
  readonly status: 'open' | 'closed';
  readonly outcome: 'fulfilled' | 'cancelled' | 'partly-cancelled' | null;
}

export interface InvoiceDecision {
  readonly kind: 'InvoiceOrder';
  readonly invoice: Omit<OrderInvoiced['data'], 'lines'> & {
    readonly lines: readonly Omit<InvoiceLine, 'unitTax'>[];
  };
}

export type AdjustDecision = Pick<
  AdjustInvoiceLine,
  'kind' | 'backorderId' | 'lineId' | 'quantity' | 'reason'
>;

export interface CashInDecision extends CashIn {
  readonly kind: 'TakeDeposit' | 'ReceivePayment';
  readonly installmentId: string | null;
  /** The business time of the money changing hands. */
  readonly at: string;
  readonly order: OrderFacts;
}

export interface RefundDecision {
  readonly kind: 'IssueRefund';
  readonly backorderId: string;
  readonly refundId: string;
  readonly amount: Money;
  readonly method: PaymentMethod;
  readonly reference: string | null;
  readonly reason: string;
  /** The line, as the order tells it now, when the refund names one. */
  readonly line: {
    readonly lineId: string;
    readonly reducedOrCancelled: boolean;
    readonly disposition: Disposition | null;
  } | null;
}

export type ScheduleDecision = Pick<
  AgreePaymentSchedule,
  | 'kind'
  | 'backorderId'
  | 'scheduleId'
  | 'scheduleKind'
  | 'installments'
  | 'goodsReleasedWhen'
  | 'releaseAfterInstallmentId'
> & { readonly order: OrderFacts };

export type OrderAccountDecision =
  InvoiceDecision | AdjustDecision | CashInDecision | RefundDecision | ScheduleDecision;
