import type { Decider } from '../shared/domain/decider';
import { decideAdjustment, decideInvoice } from './invoice.decide';
import type { OrderAccountDecision } from './order-account.decisions';
import type { OrderAccountEvent } from './order-account.events';
import { evolveOrderAccount, type OrderAccountState } from './order-account.state';
import { decideCashIn, decideRefund } from './payments.decide';
import { decideSchedule } from './schedule.decide';

/** One account per backorder: its invoice, the money in and out, and any payment schedule. */
export const orderAccountDecider: Decider<
  OrderAccountDecision,
  OrderAccountEvent,
  OrderAccountState
> = {
  initialState: { status: 'none' },
  evolve: evolveOrderAccount,
  decide(command, state) {
    switch (command.kind) {
      case 'InvoiceOrder':
        return decideInvoice(command, state);
      case 'AdjustInvoiceLine':
        return decideAdjustment(command, state);
      case 'TakeDeposit':
      case 'ReceivePayment':
        return decideCashIn(command, state);
      case 'IssueRefund':
        return decideRefund(command, state);
      case 'AgreePaymentSchedule':
        return decideSchedule(command, state);
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};
