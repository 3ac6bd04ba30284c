import { Allow } from '../auth/access.decorators';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { PURCHASE_ORDER_ANSWERS } from './purchase-order.answers';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import type { Position } from '../shared/eventstore/event-envelope';
import { found } from '../shared/http/found';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import {
  AcknowledgePurchaseOrder,
  CancelPurchaseOrder,
  CancelPurchaseOrderLine,
  ClosePurchaseOrder,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from './purchase-order.commands';
import {
  AcknowledgeDto,
  CreatePurchaseOrderDto,
  DraftsDto,
  ListPurchaseOrdersDto,
  PurchaseOrderReasonDto,
  ReceiptDto,
  ReviseEtaDto,
} from './purchase-order.dto';
import type { PurchaseOrderEvent } from './purchase-order.events';
import {
  GetPurchaseOrder,
  GetReceivingView,
  ListOpenDrafts,
  ListPurchaseOrders,
} from './purchase-order.queries';
import { PurchaseOrderRequests } from './purchase-order-requests';

const uuid = new UuidPipe();

@ApiTags('purchase orders')
@ApiBearerAuth()
@Allow('purchasing')
@Controller('purchase-orders')
export class PurchaseOrderController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly requests: PurchaseOrderRequests,
  ) {}

  @ApiOperation({ summary: 'Draft a purchase order to a vendor' })
  @ApiAnswer(201, PURCHASE_ORDER_ANSWERS.create)
  @Post()
  @HttpCode(201)
  async create(
    @Body() body: CreatePurchaseOrderDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.requests.open(body.vendorId, body.lines, context);
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/purchase-orders/${outcome.poId}`);
    return { id: outcome.poId, number: outcome.number };
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'List purchase orders' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.list)
  @Get()
  list(@Query() query: ListPurchaseOrdersDto, @MinLogPosition() minPosition: Position | null) {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListPurchaseOrders(filter, { limit, cursor }, minPosition));
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'Draft purchase orders, with the backorder lines they would cover' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.drafts)
  @Get('drafts')
  drafts(@Query() query: DraftsDto, @MinLogPosition() minPosition: Position | null) {
    return this.queries.execute(new ListOpenDrafts(query.vendorId ?? null, minPosition));
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'A purchase order with its lines' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.get)
  @Get(':id')
  async get(@Param('id', uuid) poId: string, @MinLogPosition() minPosition: Position | null) {
    return found(
      await this.queries.execute(new GetPurchaseOrder(poId, minPosition)),
      'purchase order',
      poId,
    );
  }

  @Allow('receiving', 'purchasing')
  @ApiOperation({ summary: 'What is still to arrive on a purchase order' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.receiving)
  @Get(':id/receiving')
  async receiving(@Param('id', uuid) poId: string, @MinLogPosition() minPosition: Position | null) {
    return found(
      await this.queries.execute(new GetReceivingView(poId, minPosition)),
      'purchase order',
      poId,
    );
  }

  @ApiOperation({ summary: 'Send a draft purchase order to the vendor' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.submit)
  @Post(':id/submit')
  @HttpCode(200)
  submit(
    @Param('id', uuid) poId: string,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, poId, new SubmitPurchaseOrder(poId, context));
  }

  @ApiOperation({ summary: 'Record the vendor’s acknowledgement and ETAs' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.acknowledge)
  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(
    @Param('id', uuid) poId: string,
    @Body() body: AcknowledgeDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(
      reply,
      poId,
      new AcknowledgePurchaseOrder(poId, body.vendorReference ?? null, body.etas, context),
    );
  }

  @ApiOperation({ summary: 'Revise the ETA of a purchase order line' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.reviseEta)
  @Post(':id/lines/:lineId/eta')
  @HttpCode(200)
  reviseEta(
    @Param('id', uuid) poId: string,
    @Param('lineId', uuid) poLineId: string,
    @Body() body: ReviseEtaDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(
      reply,
      poId,
      new RevisePurchaseOrderEta(
        poId,
        poLineId,
        body.eta,
        body.source,
        body.reason ?? null,
        context,
      ),
    );
  }

  @ApiOperation({ summary: 'Cancel a purchase order line' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.cancelLine)
  @Post(':id/lines/:lineId/cancel')
  @HttpCode(200)
  cancelLine(
    @Param('id', uuid) poId: string,
    @Param('lineId', uuid) poLineId: string,
    @Body() body: PurchaseOrderReasonDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, poId, new CancelPurchaseOrderLine(poId, poLineId, body.reason, context));
  }

  @ApiOperation({ summary: 'Cancel a purchase order' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.cancel)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @Param('id', uuid) poId: string,
    @Body() body: PurchaseOrderReasonDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, poId, new CancelPurchaseOrder(poId, body.reason, context));
  }

  @ApiOperation({ summary: 'Close a purchase order (nothing more will arrive)' })
  @ApiAnswer(200, PURCHASE_ORDER_ANSWERS.close)
  @Post(':id/close')
  @HttpCode(200)
  close(
    @Param('id', uuid) poId: string,
    @Body() body: PurchaseOrderReasonDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, poId, new ClosePurchaseOrder(poId, body.reason, context));
  }

  @Allow('receiving')
  @ApiOperation({ summary: 'Receive goods against a purchase order' })
  @ApiAnswer(201, PURCHASE_ORDER_ANSWERS.receive)
  @Post(':id/receipts')
  @HttpCode(201)
  async receive(
    @Param('id', uuid) poId: string,
    @Body() body: ReceiptDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.requests.receive(poId, body.lines, context);
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/receipts/${outcome.receiptId}`);
    return { id: outcome.receiptId, poId };
  }

  private async run(reply: FastifyReply, poId: string, command: object) {
    const outcome = await this.commands.execute<object, CommandOutcome<PurchaseOrderEvent>>(
      command,
    );
    setLogPosition(reply, outcome.position);
    return { id: poId, changed: outcome.events.length > 0 };
  }
}
