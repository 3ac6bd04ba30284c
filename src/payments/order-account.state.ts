import type { Money } from '../shared/domain/money';
import type {
  InvoiceLine,
  OrderAccountEvent,
  PaymentScheduleAgreed,
  ReleasePoint,
} from './order-account.events';

export interface RecordedCashIn {
  readonly kind: 'deposit' | 'payment';
  readonly amount: Money;
  readonly method: string;
  readonly reference: string | null;
  readonly installmentId: string | null;
}

export interface AgreedSchedule {
  readonly data: PaymentScheduleAgreed['data'];
  /** What had been paid when the schedule was agreed: the schedule covers the rest. */
  readonly paidBefore: number;
}

export interface InvoicedAccount {
  readonly status: 'invoiced';
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly customerId: string;
  readonly currency: string;
  readonly taxRateBp: number;
  readonly taxExempt: boolean;
  readonly exemptionReference: string | null;
  readonly lines: readonly InvoiceLine[];
  /** Deposits and payments, in minor units. */
  readonly paid: number;
  readonly refunded: number;
  readonly cashIn: Readonly<Record<string, RecordedCashIn>>;
  readonly refunds: Readonly<Record<string, Money>>;
  readonly schedule: AgreedSchedule | null;
}

export type OrderAccountState = { readonly status: 'none' } | InvoicedAccount;

export function evolveOrderAccount(
  state: OrderAccountState,
  event: OrderAccountEvent,
): OrderAccountState {
  if (event.type === 'OrderInvoiced') {
    const { lines, ...invoice } = event.data;
    return {
      status: 'invoiced',
      ...invoice,
      lines,
      paid: 0,
      refunded: 0,
      cashIn: {},
      refunds: {},
      schedule: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'InvoiceLineAdjusted':
      return {
        ...state,
        lines: state.lines.map((l) =>
          l.lineId === event.data.lineId ? { ...l, quantity: event.data.quantity } : l,
        ),
      };
    case 'DepositTaken':
    case 'PaymentReceived': {
      const { paymentId, amount, method, reference } = event.data;
      const installmentId = event.type === 'PaymentReceived' ? event.data.installmentId : null;
      return {
        ...state,
        paid: state.paid + amount.amount,
        cashIn: {
          ...state.cashIn,
          [paymentId]: {
            kind: event.type === 'DepositTaken' ? 'deposit' : 'payment',
            amount,
            method,
            reference,
            installmentId,
          },
        },
      };
    }
    case 'RefundIssued':
      return {
        ...state,
        refunded: state.refunded + event.data.amount.amount,
        refunds: { ...state.refunds, [event.data.refundId]: event.data.amount },
      };
    case 'PaymentScheduleAgreed':
      return { ...state, schedule: { data: event.data, paidBefore: state.paid } };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** What a line costs the customer per unit, tax included. */
export function unitTotal(line: InvoiceLine): number {
  return line.unitPrice.amount - line.unitDiscount.amount + line.unitTax.amount;
}

export function invoiceTotal(lines: readonly InvoiceLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity * unitTotal(l), 0);
}

/** What the customer still owes; negative when they paid more than the order now costs. */
export function balanceDue(account: InvoicedAccount): number {
  return invoiceTotal(account.lines) - account.paid + account.refunded;
}

export interface InstallmentStanding {
  readonly installmentId: string;
  readonly dueOn: string;
  readonly amount: Money;
  /** How much of it the payments since the agreement cover, taken in due order. */
  readonly covered: number;
  readonly paid: boolean;
  readonly overdue: boolean;
}

/**
 * Each installment as the payments since the agreement cover it, oldest due first; one not fully
 * covered whose day has passed (`today` is a store-zone YYYY-MM-DD) is overdue.
 */
export function installmentStandings(
  schedule: AgreedSchedule,
  paidTotal: number,
  today: string,
): InstallmentStanding[] {
  let left = Math.max(0, paidTotal - schedule.paidBefore);
  return schedule.data.installments.map((i) => {
    const covered = Math.min(left, i.amount.amount);
    left -= covered;
    const paid = covered >= i.amount.amount;
    return { ...i, covered, paid, overdue: !paid && i.dueOn < today };
  });
}

/** Whether the schedule lets the customer take the goods now. */
export function goodsReleasable(account: InvoicedAccount): boolean {
  const schedule = account.schedule;
  if (!schedule) return true;
  const point: ReleasePoint = schedule.data.goodsReleasedWhen;
  if (point === 'on-agreement') return true;
  if (point === 'when-paid-in-full') return balanceDue(account) <= 0;
  const standings = installmentStandings(schedule, account.paid, '0000-00-00');
  return (
    standings.find((s) => s.installmentId === schedule.data.releaseAfterInstallmentId)?.paid ??
    false
  );
}
