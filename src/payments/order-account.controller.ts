import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer, answer } from '../shared/http/api-answer';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/access.decorators';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { entityId } from '../shared/commands/entity-id';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { found } from '../shared/http/found';
import { invalidFields } from '../shared/http/invalid-fields';
import { setLogPosition } from '../shared/http/log-position';
import { RequestContext } from '../shared/http/request-context.decorator';
import { UuidPipe } from '../shared/http/uuid.pipe';
import type { AccountView } from './account-view';
import { ACCOUNT_EXAMPLE } from './account.examples';
import {
  AgreePaymentSchedule,
  IssueRefund,
  ReceivePayment,
  TakeDeposit,
} from './order-account.commands';
import {
  type AmountDto,
  AgreePaymentScheduleDto,
  IssueRefundDto,
  MoneyRecordedDto,
  ReceivePaymentDto,
  TakeDepositDto,
} from './order-account.dto';
import type { OrderAccountEvent } from './order-account.events';
import { GetOrderAccount } from './order-account.queries';

const uuid = new UuidPipe();
type Outcome = CommandOutcome<OrderAccountEvent>;

/** The money of one backorder: its invoice, deposits, payments, refunds and payment schedule. */
@ApiTags('payments')
@ApiBearerAuth()
@Allow('sales', 'accounting')
@Controller('backorders/:id/account')
export class OrderAccountController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'A backorder’s account: invoice, payments, refunds and schedule' })
  @Get()
  @ApiAnswer(200, answer(ACCOUNT_EXAMPLE, ['schedule']))
  async get(@Param('id', uuid) backorderId: string): Promise<AccountView> {
    return found(
      await this.queries.execute<GetOrderAccount, AccountView | null>(
        new GetOrderAccount(backorderId),
      ),
      'order account',
      backorderId,
    );
  }

  /** A deposit at the counter, at placement or later: held for the customer until recognition. */
  @ApiOperation({ summary: 'Take a deposit on a backorder' })
  @Post('deposits')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MoneyRecordedDto })
  async deposit(
    @Param('id', uuid) backorderId: string,
    @Body() body: TakeDepositDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MoneyRecordedDto> {
    this.checkCurrency(body.amount, 'amount.currency');
    const paymentId = entityId(context, 'deposit');
    const outcome = await this.commands.execute<TakeDeposit, Outcome>(
      new TakeDeposit(
        backorderId,
        paymentId,
        { ...body.amount },
        body.method,
        body.reference?.trim() ?? null,
        context,
      ),
    );
    return this.recorded(reply, backorderId, paymentId, outcome);
  }

  @ApiOperation({ summary: 'Take a payment on a backorder' })
  @Post('payments')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MoneyRecordedDto })
  async pay(
    @Param('id', uuid) backorderId: string,
    @Body() body: ReceivePaymentDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MoneyRecordedDto> {
    this.checkCurrency(body.amount, 'amount.currency');
    const paymentId = entityId(context, 'payment');
    const outcome = await this.commands.execute<ReceivePayment, Outcome>(
      new ReceivePayment(
        backorderId,
        paymentId,
        { ...body.amount },
        body.method,
        body.reference?.trim() ?? null,
        body.installmentId ?? null,
        context,
      ),
    );
    return this.recorded(reply, backorderId, paymentId, outcome);
  }

  /** Money given back, on a cancelled or reduced line (naming what became of its supply). */
  @Allow('accounting', 'sales')
  @ApiOperation({ summary: 'Refund money paid on a backorder' })
  @Post('refunds')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MoneyRecordedDto })
  async refund(
    @Param('id', uuid) backorderId: string,
    @Body() body: IssueRefundDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MoneyRecordedDto> {
    this.checkCurrency(body.amount, 'amount.currency');
    const refundId = entityId(context, 'refund');
    const outcome = await this.commands.execute<IssueRefund, Outcome>(
      new IssueRefund(
        backorderId,
        refundId,
        { ...body.amount },
        body.method,
        body.reference?.trim() ?? null,
        body.reason.trim(),
        body.lineId ?? null,
        context,
      ),
    );
    return this.recorded(reply, backorderId, refundId, outcome);
  }

  /** Installments or a layaway: due dates that pay exactly the balance due. */
  @ApiOperation({ summary: 'Set a payment schedule (layaway or installments)' })
  @Post('schedule')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MoneyRecordedDto })
  async schedule(
    @Param('id', uuid) backorderId: string,
    @Body() body: AgreePaymentScheduleDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MoneyRecordedDto> {
    body.installments.forEach((i, n) =>
      this.checkCurrency(i.amount, `installments.${n}.amount.currency`),
    );
    const scheduleId = entityId(context, 'payment-schedule');
    const outcome = await this.commands.execute<AgreePaymentSchedule, Outcome>(
      new AgreePaymentSchedule(
        backorderId,
        scheduleId,
        body.kind,
        body.installments.map((i) => ({
          installmentId: i.installmentId,
          dueOn: i.dueOn,
          amount: { ...i.amount },
        })),
        body.goodsReleasedWhen,
        body.releaseAfterInstallmentId ?? null,
        context,
      ),
    );
    return this.recorded(reply, backorderId, scheduleId, outcome);
  }

  /** Money in another currency than the store's is refused as input (400), before any rule. */
  private checkCurrency(amount: AmountDto, field: string): void {
    const currency = this.config.store.currency;
    if (amount.currency !== currency)
      throw invalidFields({ [field]: `currency must be the store's currency, ${currency}` });
  }

  private async recorded(
    reply: FastifyReply,
    backorderId: string,
    recordedId: string,
    outcome: Outcome,
  ): Promise<MoneyRecordedDto> {
    setLogPosition(reply, outcome.position);
    const account = await this.queries.execute<GetOrderAccount, AccountView | null>(
      new GetOrderAccount(backorderId),
    );
    return {
      id: backorderId,
      recordedId,
      changed: outcome.events.length > 0,
      balanceDue: account!.balanceDue,
    };
  }
}
