import { isDeepStrictEqual } from 'node:util';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { checkAmount, checkReference, formatMoney } from './money-rules';
import type { CashInDecision, OrderFacts, RefundDecision } from './order-account.decisions';
import type { OrderAccountEvent } from './order-account.events';
import {
  balanceDue,
  installmentStandings,
  type InvoicedAccount,
  type OrderAccountState,
} from './order-account.state';

export function invoicedAccount(state: OrderAccountState, backorderId: string): InvoicedAccount {
  if (state.status !== 'invoiced') throw new UnknownEntityError('order account', backorderId);
  return state;
}

/** No money is taken for an order that was cancelled, or that is over and paid for. */
export function checkOrderTakesMoney(order: OrderFacts, account: InvoicedAccount): void {
  if (order.outcome === 'cancelled') {
    throw new BusinessRuleViolation(
      'order-cancelled',
      `order ${account.backorderNumber} was cancelled: it takes no more money`,
    );
  }
  if (order.status === 'closed' && balanceDue(account) <= 0) {
    throw new BusinessRuleViolation(
      'order-closed',
      `order ${account.backorderNumber} is closed and settled: it takes no more money`,
    );
  }
}

/** A deposit or a payment: never more than what is due, never twice under the same id. */
export function decideCashIn(
  command: CashInDecision,
  state: OrderAccountState,
): OrderAccountEvent[] {
  const account = invoicedAccount(state, command.backorderId);
  const event: OrderAccountEvent =
    command.kind === 'TakeDeposit'
      ? {
          type: 'DepositTaken',
          data: {
            backorderId: command.backorderId,
            paymentId: command.paymentId,
            amount: command.amount,
            method: command.method,
            reference: command.reference,
            takenAt: command.at,
          },
        }
      : {
          type: 'PaymentReceived',
          data: {
            backorderId: command.backorderId,
            paymentId: command.paymentId,
            amount: command.amount,
            method: command.method,
            reference: command.reference,
            receivedAt: command.at,
            installmentId: command.installmentId,
          },
        };
  const earlier = account.cashIn[command.paymentId];
  if (earlier) {
    const same =
      earlier.kind === (command.kind === 'TakeDeposit' ? 'deposit' : 'payment') &&
      isDeepStrictEqual(earlier.amount, command.amount) &&
      earlier.method === command.method &&
      earlier.reference === command.reference &&
      earlier.installmentId === command.installmentId;
    if (same) return [];
    throw new BusinessRuleViolation(
      'payment-id-reused',
      `payment ${command.paymentId} was already recorded with other details`,
    );
  }
  const what = command.kind === 'TakeDeposit' ? 'deposit' : 'payment';
  checkAmount(command.amount, account.currency, what);
  checkReference(command.method, command.reference);
  checkOrderTakesMoney(command.order, account);
  const due = balanceDue(account);
  if (command.amount.amount > due) {
    throw new BusinessRuleViolation(
      'overpayment',
      `a ${what} of ${formatMoney(command.amount.amount, account.currency)} is more than the balance due, ${formatMoney(Math.max(due, 0), account.currency)}`,
      { balanceDue: { amount: due, currency: account.currency } },
    );
  }
  if (command.installmentId !== null) {
    if (!account.schedule) {
      throw new BusinessRuleViolation(
        'unknown-installment',
        `order ${account.backorderNumber} has no payment schedule`,
      );
    }
    const standing = installmentStandings(account.schedule, account.paid, '0000-00-00').find(
      (i) => i.installmentId === command.installmentId,
    );
    if (!standing) {
      throw new BusinessRuleViolation(
        'unknown-installment',
        `the payment schedule has no installment ${command.installmentId}`,
      );
    }
    if (standing.paid) {
      throw new BusinessRuleViolation(
        'installment-already-paid',
        `installment ${command.installmentId} is already paid`,
      );
    }
  }
  return [event];
}

/** Money given back: never more than was paid and not yet refunded. */
export function decideRefund(
  command: RefundDecision,
  state: OrderAccountState,
): OrderAccountEvent[] {
  const account = invoicedAccount(state, command.backorderId);
  const event: OrderAccountEvent = {
    type: 'RefundIssued',
    data: {
      backorderId: command.backorderId,
      refundId: command.refundId,
      amount: command.amount,
      method: command.method,
      reference: command.reference,
      reason: command.reason,
      lineId: command.line?.lineId ?? null,
      disposition: command.line?.disposition ?? null,
    },
  };
  const earlier = account.refunds[command.refundId];
  if (earlier) {
    if (isDeepStrictEqual(earlier, command.amount)) return [];
    throw new BusinessRuleViolation(
      'refund-id-reused',
      `refund ${command.refundId} was already issued for another amount`,
    );
  }
  checkAmount(command.amount, account.currency, 'refund');
  checkReference(command.method, command.reference);
  if (command.line && !command.line.reducedOrCancelled) {
    throw new BusinessRuleViolation(
      'line-not-cancelled',
      `line ${command.line.lineId} was neither cancelled nor reduced: there is nothing to refund for it`,
    );
  }
  const refundable = account.paid - account.refunded;
  if (command.amount.amount > refundable) {
    throw new BusinessRuleViolation(
      'refund-exceeds-paid',
      `a refund of ${formatMoney(command.amount.amount, account.currency)} is more than what was paid and not refunded, ${formatMoney(refundable, account.currency)}`,
      { refundable: { amount: refundable, currency: account.currency } },
    );
  }
  return [event];
}
