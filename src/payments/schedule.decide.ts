import { isDeepStrictEqual } from 'node:util';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { checkAmount, formatMoney } from './money-rules';
import type { ScheduleDecision } from './order-account.decisions';
import type { OrderAccountEvent } from './order-account.events';
import { balanceDue, type OrderAccountState } from './order-account.state';
import { checkOrderTakesMoney, invoicedAccount } from './payments.decide';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A payment schedule (installments or layaway) that pays exactly the balance due, in date order. */
export function decideSchedule(
  command: ScheduleDecision,
  state: OrderAccountState,
): OrderAccountEvent[] {
  const account = invoicedAccount(state, command.backorderId);
  const event: OrderAccountEvent = {
    type: 'PaymentScheduleAgreed',
    data: {
      backorderId: command.backorderId,
      scheduleId: command.scheduleId,
      kind: command.scheduleKind,
      installments: command.installments,
      goodsReleasedWhen: command.goodsReleasedWhen,
      releaseAfterInstallmentId:
        command.goodsReleasedWhen === 'after-installment'
          ? command.releaseAfterInstallmentId
          : null,
    },
  };
  if (account.schedule) {
    if (isDeepStrictEqual(account.schedule.data, event.data)) return [];
    throw new BusinessRuleViolation(
      'schedule-already-agreed',
      `order ${account.backorderNumber} already has a payment schedule`,
    );
  }
  checkOrderTakesMoney(command.order, account);
  if (command.installments.length === 0) {
    throw new BusinessRuleViolation('schedule-empty', 'a payment schedule needs installments');
  }
  let previous = '';
  const ids = new Set<string>();
  for (const installment of command.installments) {
    checkAmount(installment.amount, account.currency, `installment ${installment.installmentId}`);
    if (!DAY.test(installment.dueOn) || Number.isNaN(Date.parse(installment.dueOn))) {
      throw new BusinessRuleViolation(
        'installment-date-invalid',
        `installment ${installment.installmentId} is due on "${installment.dueOn}", not a YYYY-MM-DD day`,
      );
    }
    if (installment.dueOn < previous) {
      throw new BusinessRuleViolation(
        'installments-out-of-order',
        'installments are listed in the order they fall due',
      );
    }
    if (ids.has(installment.installmentId)) {
      throw new BusinessRuleViolation(
        'installment-id-repeated',
        `installment ${installment.installmentId} is listed twice`,
      );
    }
    ids.add(installment.installmentId);
    previous = installment.dueOn;
  }
  const total = command.installments.reduce((sum, i) => sum + i.amount.amount, 0);
  const due = balanceDue(account);
  if (total !== due) {
    throw new BusinessRuleViolation(
      'schedule-does-not-sum-to-balance',
      `the installments add up to ${formatMoney(total, account.currency)}; the balance due is ${formatMoney(due, account.currency)}`,
      { balanceDue: { amount: due, currency: account.currency } },
    );
  }
  if (
    command.goodsReleasedWhen === 'after-installment' &&
    !ids.has(command.releaseAfterInstallmentId ?? '')
  ) {
    throw new BusinessRuleViolation(
      'release-installment-unknown',
      'goods released after an installment must name one of the schedule',
    );
  }
  return [event];
}
