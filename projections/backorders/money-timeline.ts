import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { formatMoney, type Money } from '../../src/shared/domain/money';
import type {
  DepositTakenFact,
  PaymentReceivedFact,
  PaymentScheduleAgreedFact,
  RefundIssuedFact,
} from './money-facts';

/** The money facts an order's timeline tells (the invoice itself is on the account). */
export const moneyTimelineEventTypes = [
  'DepositTaken',
  'PaymentReceived',
  'RefundIssued',
  'PaymentScheduleAgreed',
] as const;

export type MoneyTimelineEvent = RecordedEvent &
  (DepositTakenFact | PaymentReceivedFact | RefundIssuedFact | PaymentScheduleAgreedFact);

const MONEY_TYPES: ReadonlySet<string> = new Set(moneyTimelineEventTypes);

export function isMoneyTimelineEvent(event: RecordedEvent): event is MoneyTimelineEvent {
  return MONEY_TYPES.has(event.type);
}

const RELEASE = {
  'on-agreement': 'the goods may go on agreement',
  'when-paid-in-full': 'the goods go when it is paid in full',
  'after-installment': 'the goods go after installment',
} as const;

/** "Deposit of 500.00 USD taken by card", in the words staff use; `line` names a line. */
export function describeMoneyEvent(
  event: MoneyTimelineEvent,
  line: (lineId: string) => string,
): { what: string; why: string | null } {
  switch (event.type) {
    case 'DepositTaken': {
      const { amount, method, reference } = event.data;
      return { what: `Deposit of ${money(amount)} taken by ${how(method, reference)}`, why: null };
    }
    case 'PaymentReceived': {
      const { amount, method, reference, installmentId } = event.data;
      const towards = installmentId ? ` for installment ${installmentId}` : '';
      return {
        what: `Payment of ${money(amount)} received by ${how(method, reference)}${towards}`,
        why: null,
      };
    }
    case 'RefundIssued': {
      const { amount, method, reference, lineId, disposition, reason } = event.data;
      const forLine = lineId ? ` for ${line(lineId)}` : '';
      const fate = disposition ? ` (its supply: ${disposition.replace(/-/g, ' ')})` : '';
      return {
        what: `Refund of ${money(amount)} by ${how(method, reference)}${forLine}${fate}`,
        why: reason,
      };
    }
    case 'PaymentScheduleAgreed': {
      const { kind, installments, goodsReleasedWhen, releaseAfterInstallmentId } = event.data;
      const first = installments[0];
      const last = installments.at(-1)!;
      const total = installments.reduce((sum, i) => sum + i.amount.amount, 0);
      const release =
        goodsReleasedWhen === 'after-installment'
          ? `${RELEASE[goodsReleasedWhen]} ${releaseAfterInstallmentId}`
          : RELEASE[goodsReleasedWhen];
      return {
        what: `${kind === 'layaway' ? 'Layaway' : 'Installment plan'} agreed: ${installments.length} payments totalling ${formatMoney(total, first.amount.currency)} due ${first.dueOn}${installments.length > 1 ? ` to ${last.dueOn}` : ''}; ${release}`,
        why: null,
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function money(amount: Money): string {
  return formatMoney(amount.amount, amount.currency);
}

function how(method: string, reference: string | null): string {
  return reference ? `${method} (${reference})` : method;
}
