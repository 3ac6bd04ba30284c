import type { LineMargin } from './line-margins';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { type Money, money } from '../shared/domain/money';
import type {
  InvoiceLine,
  OrderAccountEvent,
  PaymentMethod,
  ReleasePoint,
  ScheduleKind,
} from './order-account.events';
import {
  balanceDue,
  evolveOrderAccount,
  goodsReleasable,
  type InstallmentStanding,
  installmentStandings,
  type OrderAccountState,
  unitTotal,
} from './order-account.state';

export interface AccountLine extends InvoiceLine {
  /** quantity × (price − discount + tax). */
  readonly lineTotal: Money;
}

export interface MoneyMovement {
  readonly id: string;
  readonly kind: 'deposit' | 'payment' | 'refund';
  readonly amount: Money;
  readonly method: PaymentMethod;
  readonly reference: string | null;
  readonly at: string;
  readonly by: string;
  readonly installmentId?: string | null;
  readonly reason?: string;
  readonly lineId?: string | null;
  readonly disposition?: string | null;
}

export interface AccountView {
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly customerId: string;
  readonly currency: string;
  readonly taxRateBp: number;
  readonly taxExempt: boolean;
  readonly exemptionReference: string | null;
  readonly invoicedAt: string;
  readonly lines: readonly AccountLine[];
  readonly totals: {
    readonly subtotal: Money;
    readonly discount: Money;
    readonly tax: Money;
    readonly total: Money;
    readonly paid: Money;
    readonly refunded: Money;
  };
  readonly payments: readonly MoneyMovement[];
  readonly refunds: readonly MoneyMovement[];
  readonly schedule: {
    readonly scheduleId: string;
    readonly kind: ScheduleKind;
    readonly goodsReleasedWhen: ReleasePoint;
    readonly releaseAfterInstallmentId: string | null;
    readonly installments: readonly InstallmentStanding[];
    readonly overdue: readonly InstallmentStanding[];
  } | null;
  /** Whether the schedule (if any) lets the customer take the goods now. */
  readonly goodsReleasable: boolean;
  /** Negative when the customer paid more than the order now costs (a refund is owed). */
  readonly balanceDue: Money;
  /** Each line's margin at the cost actually paid (added by the query, not from this stream). */
  readonly margins?: readonly LineMargin[];
}

/** The account as staff read it, from its stream's events; `today` is the store's YYYY-MM-DD. */
export function accountView(events: readonly RecordedEvent[], today: string): AccountView | null {
  let state: OrderAccountState = { status: 'none' };
  let invoicedAt = '';
  const payments: MoneyMovement[] = [];
  const refunds: MoneyMovement[] = [];
  for (const recorded of events) {
    const event = recorded as unknown as RecordedEvent & OrderAccountEvent;
    state = evolveOrderAccount(state, event);
    const at = recorded.metadata.occurredAt;
    const by = recorded.metadata.actor;
    switch (event.type) {
      case 'OrderInvoiced':
        invoicedAt = at;
        break;
      case 'DepositTaken':
      case 'PaymentReceived': {
        const { paymentId, amount, method, reference } = event.data;
        payments.push({
          id: paymentId,
          kind: event.type === 'DepositTaken' ? 'deposit' : 'payment',
          amount,
          method,
          reference,
          at,
          by,
          installmentId: event.type === 'PaymentReceived' ? event.data.installmentId : null,
        });
        break;
      }
      case 'RefundIssued': {
        const { refundId, amount, method, reference, reason, lineId, disposition } = event.data;
        refunds.push({
          id: refundId,
          kind: 'refund',
          amount,
          method,
          reference,
          at,
          by,
          reason,
          lineId,
          disposition,
        });
        break;
      }
      default:
        break;
    }
  }
  if (state.status !== 'invoiced') return null;
  const { currency } = state;
  const sumOf = (part: (l: InvoiceLine) => number) =>
    money(
      state.lines.reduce((sum, l) => sum + l.quantity * part(l), 0),
      currency,
    );
  const subtotal = sumOf((l) => l.unitPrice.amount);
  const discount = sumOf((l) => l.unitDiscount.amount);
  const tax = sumOf((l) => l.unitTax.amount);
  const standings = state.schedule ? installmentStandings(state.schedule, state.paid, today) : [];
  return {
    backorderId: state.backorderId,
    backorderNumber: state.backorderNumber,
    customerId: state.customerId,
    currency,
    taxRateBp: state.taxRateBp,
    taxExempt: state.taxExempt,
    exemptionReference: state.exemptionReference,
    invoicedAt,
    lines: state.lines.map((l) => ({
      ...l,
      lineTotal: money(l.quantity * unitTotal(l), currency),
    })),
    totals: {
      subtotal,
      discount,
      tax,
      total: money(subtotal.amount - discount.amount + tax.amount, currency),
      paid: money(state.paid, currency),
      refunded: money(state.refunded, currency),
    },
    payments,
    refunds,
    schedule: state.schedule && {
      scheduleId: state.schedule.data.scheduleId,
      kind: state.schedule.data.kind,
      goodsReleasedWhen: state.schedule.data.goodsReleasedWhen,
      releaseAfterInstallmentId: state.schedule.data.releaseAfterInstallmentId,
      installments: standings,
      overdue: standings.filter((s) => s.overdue),
    },
    goodsReleasable: goodsReleasable(state),
    balanceDue: money(balanceDue(state), currency),
  };
}
