import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderStandings, type OrderStanding } from '../backorders/order-standing';
import { CustomerTaxStatus } from '../customers/customer-tax-status';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { type CommandOutcome, DeciderExecutor } from '../shared/commands/decider-executor';
import { money } from '../shared/domain/money';
import { streams } from '../shared/eventstore/stream-names';
import { Clock } from '../shared/time/clock';
import {
  AdjustInvoiceLine,
  AgreePaymentSchedule,
  InvoiceOrder,
  IssueRefund,
  ReceivePayment,
  TakeDeposit,
} from './order-account.commands';
import { orderAccountDecider } from './order-account.decider';
import type { OrderAccountDecision, OrderFacts } from './order-account.decisions';
import type { OrderAccountEvent } from './order-account.events';

type Outcome = CommandOutcome<OrderAccountEvent>;

function factsOf(order: OrderStanding): OrderFacts {
  return { status: order.status, outcome: order.outcome };
}

/** Decides on the account's stream; the handlers below first gather the facts a decision needs. */
@Injectable()
export class OrderAccounts {
  constructor(
    private readonly executor: DeciderExecutor,
    readonly orders: OrderStandings,
    readonly clock: Clock,
  ) {}

  decide(
    decision: OrderAccountDecision & { readonly backorderId?: string },
    backorderId: string,
    context: InvoiceOrder['context'],
  ): Promise<Outcome> {
    return this.executor.execute(
      orderAccountDecider,
      streams.orderAccount(backorderId),
      decision,
      context,
    );
  }

  /** The account as its stream tells it now, for reading. */
  load(backorderId: string) {
    return this.executor.load(orderAccountDecider, streams.orderAccount(backorderId));
  }
}

@CommandHandler(InvoiceOrder)
export class InvoiceOrderHandler implements ICommandHandler<InvoiceOrder, Outcome> {
  constructor(
    private readonly accounts: OrderAccounts,
    private readonly taxes: CustomerTaxStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: InvoiceOrder): Promise<Outcome> {
    const order = await this.accounts.orders.of(command.backorderId);
    const tax = await this.taxes.of(order.customerId);
    const currency = this.config.store.currency;
    return this.accounts.decide(
      {
        kind: 'InvoiceOrder',
        invoice: {
          backorderId: order.backorderId,
          backorderNumber: order.number,
          customerId: order.customerId,
          currency,
          taxRateBp: this.config.store.taxRateBp,
          ...tax,
          lines: order.lines.map((line) => ({
            lineId: line.lineId,
            productId: line.productId,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            unitDiscount: command.unitDiscounts[line.lineId] ?? money(0, currency),
          })),
        },
      },
      command.backorderId,
      command.context,
    );
  }
}

@CommandHandler(AdjustInvoiceLine)
export class AdjustInvoiceLineHandler implements ICommandHandler<AdjustInvoiceLine, Outcome> {
  constructor(private readonly accounts: OrderAccounts) {}

  execute({ kind, backorderId, lineId, quantity, reason, context }: AdjustInvoiceLine) {
    return this.accounts.decide(
      { kind, backorderId, lineId, quantity, reason },
      backorderId,
      context,
    );
  }
}

@CommandHandler(TakeDeposit)
export class TakeDepositHandler implements ICommandHandler<TakeDeposit, Outcome> {
  constructor(private readonly accounts: OrderAccounts) {}

  async execute(command: TakeDeposit): Promise<Outcome> {
    const { context, ...cashIn } = command;
    const order = await this.accounts.orders.of(command.backorderId);
    return this.accounts.decide(
      {
        ...cashIn,
        installmentId: null,
        at: this.accounts.clock.now().toISOString(),
        order: factsOf(order),
      },
      command.backorderId,
      context,
    );
  }
}

@CommandHandler(ReceivePayment)
export class ReceivePaymentHandler implements ICommandHandler<ReceivePayment, Outcome> {
  constructor(private readonly accounts: OrderAccounts) {}

  async execute(command: ReceivePayment): Promise<Outcome> {
    const { context, ...cashIn } = command;
    const order = await this.accounts.orders.of(command.backorderId);
    return this.accounts.decide(
      { ...cashIn, at: this.accounts.clock.now().toISOString(), order: factsOf(order) },
      command.backorderId,
      context,
    );
  }
}

@CommandHandler(IssueRefund)
export class IssueRefundHandler implements ICommandHandler<IssueRefund, Outcome> {
  constructor(private readonly accounts: OrderAccounts) {}

  async execute(command: IssueRefund): Promise<Outcome> {
    const { context, lineId, ...refund } = command;
    const order = await this.accounts.orders.of(command.backorderId);
    const line = lineId === null ? null : order.lines.find((l) => l.lineId === lineId);
    return this.accounts.decide(
      {
        ...refund,
        kind: 'IssueRefund',
        line:
          lineId === null
            ? null
            : {
                lineId,
                reducedOrCancelled: !!line && line.quantity < line.placedQuantity,
                disposition: line?.lastDisposition ?? null,
              },
      },
      command.backorderId,
      context,
    );
  }
}

@CommandHandler(AgreePaymentSchedule)
export class AgreePaymentScheduleHandler implements ICommandHandler<AgreePaymentSchedule, Outcome> {
  constructor(private readonly accounts: OrderAccounts) {}

  async execute(command: AgreePaymentSchedule): Promise<Outcome> {
    const { context, ...schedule } = command;
    const order = await this.accounts.orders.of(command.backorderId);
    return this.accounts.decide(
      { ...schedule, order: factsOf(order) },
      command.backorderId,
      context,
    );
  }
}

export const orderAccountHandlers = [
  OrderAccounts,
  InvoiceOrderHandler,
  AdjustInvoiceLineHandler,
  TakeDepositHandler,
  ReceivePaymentHandler,
  IssueRefundHandler,
  AgreePaymentScheduleHandler,
];
