import type { OrderAccountEvent } from '../../src/payments/order-account.events';
import { ORDER_ACCOUNT_EVENT_TYPES } from '../../src/payments/order-account.events';
import {
  balanceDue,
  evolveOrderAccount,
  installmentStandings,
  invoiceTotal,
  type InvoicedAccount,
} from '../../src/payments/order-account.state';
import type { Money } from '../../src/shared/domain/money';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type AccountRecordedEvent = RecordedEvent<OrderAccountEvent['type']> & OrderAccountEvent;

export interface ScheduledInstallment {
  readonly installmentId: string;
  readonly dueOn: string;
  readonly amount: Money;
  /** How much the payments since the agreement cover, oldest due first. */
  readonly covered: number;
}

/** A type, not an interface: the read store takes it as a plain record. */
export type OrderBalance = {
  readonly id: string;
  readonly backorderNumber: string;
  readonly customerId: string;
  readonly currency: string;
  readonly invoiceTotal: number;
  readonly paid: number;
  readonly refunded: number;
  /** In minor units; negative when a refund is owed. */
  readonly balanceDue: number;
  readonly scheduleKind: 'installments' | 'layaway' | null;
  readonly installments: readonly ScheduledInstallment[];
  /** The day the first installment not fully paid falls due: overdue once it is past. */
  readonly firstUnpaidDueOn: string | null;
  readonly updatedAt: string;
  /** The account's folded state, so each event is applied as the aggregate applies it. */
  readonly account: InvoicedAccount;
};

/**
 * Each order's money at a glance, for the lists accounting works from: open balances, and
 * installments not paid by their day (the day is compared when reading: a projection has no clock).
 */
export const orderBalancesProjection = defineProjection<AccountRecordedEvent>({
  name: 'order_balances',
  version: 1,
  eventTypes: ORDER_ACCOUNT_EVENT_TYPES,
  collections: [
    defineCollection<AccountRecordedEvent, OrderBalance>({
      name: 'balances',
      indexes: [{ field: 'balanceDue' }, { field: 'customerId' }, { field: 'firstUnpaidDueOn' }],
      documentIds: (event) => [event.data.backorderId],
      evolve: (doc, event) => {
        const before = doc?.account ?? { status: 'none' as const };
        const account = evolveOrderAccount(before, event);
        if (account.status !== 'invoiced') return doc;
        return balanceOf(account, event.metadata.occurredAt);
      },
    }),
  ],
});

function balanceOf(account: InvoicedAccount, at: string): OrderBalance {
  const standings = account.schedule
    ? installmentStandings(account.schedule, account.paid, '0000-00-00')
    : [];
  return {
    id: account.backorderId,
    backorderNumber: account.backorderNumber,
    customerId: account.customerId,
    currency: account.currency,
    invoiceTotal: invoiceTotal(account.lines),
    paid: account.paid,
    refunded: account.refunded,
    balanceDue: balanceDue(account),
    scheduleKind: account.schedule?.data.kind ?? null,
    installments: standings.map(({ installmentId, dueOn, amount, covered }) => ({
      installmentId,
      dueOn,
      amount,
      covered,
    })),
    firstUnpaidDueOn: standings.find((s) => !s.paid)?.dueOn ?? null,
    updatedAt: at,
    account,
  };
}
