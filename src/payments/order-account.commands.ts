import type { CommandContext } from '../shared/commands/command-context';
import type { Money } from '../shared/domain/money';
import type {
  Installment,
  PaymentMethod,
  ReleasePoint,
  ScheduleKind,
} from './order-account.events';

import { InvoiceOrder } from '../backorders/invoice-order.command';

export { InvoiceOrder };

/** The order's line changed quantity (0: cancelled); the invoice follows. */
export class AdjustInvoiceLine {
  readonly kind = 'AdjustInvoiceLine';

  constructor(
    readonly backorderId: string,
    readonly lineId: string,
    readonly quantity: number,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

export interface CashIn {
  readonly backorderId: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly method: PaymentMethod;
  readonly reference: string | null;
}

/** Money taken before the goods are there: a deposit, held as a liability until recognition. */
export class TakeDeposit implements CashIn {
  readonly kind = 'TakeDeposit';

  constructor(
    readonly backorderId: string,
    readonly paymentId: string,
    readonly amount: Money,
    readonly method: PaymentMethod,
    readonly reference: string | null,
    readonly context: CommandContext,
  ) {}
}

export class ReceivePayment implements CashIn {
  readonly kind = 'ReceivePayment';

  constructor(
    readonly backorderId: string,
    readonly paymentId: string,
    readonly amount: Money,
    readonly method: PaymentMethod,
    readonly reference: string | null,
    readonly installmentId: string | null,
    readonly context: CommandContext,
  ) {}
}

export class IssueRefund {
  readonly kind = 'IssueRefund';

  constructor(
    readonly backorderId: string,
    readonly refundId: string,
    readonly amount: Money,
    readonly method: PaymentMethod,
    readonly reference: string | null,
    readonly reason: string,
    /** The cancelled or reduced line the money is given back for, when there is one. */
    readonly lineId: string | null,
    readonly context: CommandContext,
  ) {}
}

export class AgreePaymentSchedule {
  readonly kind = 'AgreePaymentSchedule';

  constructor(
    readonly backorderId: string,
    readonly scheduleId: string,
    readonly scheduleKind: ScheduleKind,
    readonly installments: readonly Installment[],
    readonly goodsReleasedWhen: ReleasePoint,
    readonly releaseAfterInstallmentId: string | null,
    readonly context: CommandContext,
  ) {}
}

export type OrderAccountMessage =
  | InvoiceOrder
  | AdjustInvoiceLine
  | TakeDeposit
  | ReceivePayment
  | IssueRefund
  | AgreePaymentSchedule;
