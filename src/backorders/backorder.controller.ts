import { Allow } from '../auth/access.decorators';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { BACKORDER_ANSWERS } from './backorder.answers';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { comparePositions, type Position } from '../shared/eventstore/event-envelope';
import { found } from '../shared/http/found';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import { BackorderPlacement } from './backorder-placement';
import { DecideSubstitution, FulfilLine, OrderLineAnyway } from './backorder.commands';
import {
  AsOfDto,
  CancelLineDto,
  ChangeLineDto,
  FulfilLineDto,
  LinkStockDto,
  lineIdPipe,
  ListBackordersDto,
  PlaceBackorderDto,
  ReasonDto,
  SubstitutionDecisionDto,
} from './backorder.dto';
import type { BackorderEvent } from './backorder.events';
import { GetBackorder, GetBackorderTimeline, ListBackorders } from './backorder.queries';
import { LineActions } from './line-actions';
import { InvoiceOrder } from './invoice-order.command';
import type { DomainEvent } from '../shared/domain/decider';
import type { Money } from '../shared/domain/money';

const uuid = new UuidPipe();

@ApiTags('backorders')
@ApiBearerAuth()
@Allow('sales')
@Controller('backorders')
export class BackorderController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly placement: BackorderPlacement,
    private readonly lines: LineActions,
  ) {}

  @ApiOperation({ summary: 'Place a backorder for a customer' })
  @ApiAnswer(201, BACKORDER_ANSWERS.place)
  @Post()
  @HttpCode(201)
  async place(
    @Body() body: PlaceBackorderDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const placed = await this.placement.place(body, context);
    // The invoice is written in the same request, so the account reads right after placing.
    const invoiced = await this.commands.execute<InvoiceOrder, CommandOutcome<DomainEvent>>(
      new InvoiceOrder(placed.backorderId, unitDiscounts(body), context),
    );
    setLogPosition(reply, later(invoiced.position, placed.position));
    void reply.header('location', `/backorders/${placed.backorderId}`);
    return { id: placed.backorderId, number: placed.number };
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'List backorders, filtered by status, customer or vendor' })
  @ApiAnswer(200, BACKORDER_ANSWERS.list)
  @Get()
  list(@Query() query: ListBackordersDto, @MinLogPosition() minPosition: Position | null) {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListBackorders(filter, { limit, cursor }, minPosition));
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'A backorder with its lines (now, or as it was at a time)' })
  @ApiAnswer(200, BACKORDER_ANSWERS.get)
  @Get(':id')
  async get(
    @Param('id', uuid) backorderId: string,
    @Query() query: AsOfDto,
    @MinLogPosition() minPosition: Position | null,
  ) {
    const order = await this.queries.execute(
      new GetBackorder(backorderId, query.asOf ?? null, minPosition),
    );
    return found(order, 'backorder', backorderId);
  }

  @Allow('sales', 'purchasing', 'receiving', 'accounting')
  @ApiOperation({ summary: 'Everything that happened to a backorder, in order' })
  @ApiAnswer(200, BACKORDER_ANSWERS.timeline)
  @Get(':id/timeline')
  async timeline(
    @Param('id', uuid) backorderId: string,
    @MinLogPosition() minPosition: Position | null,
  ) {
    return found(
      await this.queries.execute(new GetBackorderTimeline(backorderId, minPosition)),
      'backorder',
      backorderId,
    );
  }

  @ApiOperation({ summary: 'Hold units in stock for a line' })
  @ApiAnswer(200, BACKORDER_ANSWERS.linkStock)
  @Post(':id/lines/:lineId/link-stock')
  @HttpCode(200)
  async linkStock(
    @Param('id', uuid) backorderId: string,
    @Param('lineId', lineIdPipe) lineId: string,
    @Body() body: LinkStockDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return respond(
      reply,
      backorderId,
      lineId,
      await this.lines.linkToStock(backorderId, lineId, body.quantity, context),
    );
  }

  @ApiOperation({ summary: 'Order a line from the vendor even though stock could cover it' })
  @ApiAnswer(200, BACKORDER_ANSWERS.orderAnyway)
  @Post(':id/lines/:lineId/order')
  @HttpCode(200)
  async orderAnyway(
    @Param('id', uuid) backorderId: string,
    @Param('lineId', lineIdPipe) lineId: string,
    @Body() body: ReasonDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute<OrderLineAnyway, CommandOutcome<BackorderEvent>>(
      new OrderLineAnyway(backorderId, lineId, body.reason, context),
    );
    return respond(reply, backorderId, lineId, outcome);
  }

  @ApiOperation({ summary: 'Change the quantity of a line' })
  @ApiAnswer(200, BACKORDER_ANSWERS.change)
  @Post(':id/lines/:lineId/change')
  @HttpCode(200)
  async change(
    @Param('id', uuid) backorderId: string,
    @Param('lineId', lineIdPipe) lineId: string,
    @Body() body: ChangeLineDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const change = {
      quantity: body.quantity,
      cancel: false,
      reason: body.reason,
      disposition: body.disposition ?? null,
    };
    return respond(
      reply,
      backorderId,
      lineId,
      await this.lines.change(backorderId, lineId, change, context),
    );
  }

  @ApiOperation({ summary: 'Cancel a line' })
  @ApiAnswer(200, BACKORDER_ANSWERS.cancel)
  @Post(':id/lines/:lineId/cancel')
  @HttpCode(200)
  async cancel(
    @Param('id', uuid) backorderId: string,
    @Param('lineId', lineIdPipe) lineId: string,
    @Body() body: CancelLineDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const change = {
      quantity: 0,
      cancel: true,
      reason: body.reason,
      disposition: body.disposition ?? null,
    };
    return respond(
      reply,
      backorderId,
      lineId,
      await this.lines.change(backorderId, lineId, change, context),
    );
  }

  @Allow('sales', 'receiving')
  @ApiOperation({ summary: 'Hand a line to the customer (pickup or delivery)' })
  @ApiAnswer(200, BACKORDER_ANSWERS.fulfil)
  @Post(':id/lines/:lineId/fulfil')
  @HttpCode(200)
  async fulfil(
    @Param('id', uuid) backorderId: string,
    @Param('lineId', lineIdPipe) lineId: string,
    @Body() body: FulfilLineDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute<FulfilLine, CommandOutcome<BackorderEvent>>(
      new FulfilLine(backorderId, lineId, body.method, context),
    );
    return respond(reply, backorderId, lineId, outcome);
  }

  @ApiOperation({ summary: 'Accept or reject the substitute a vendor sent for a line' })
  @ApiAnswer(200, BACKORDER_ANSWERS.substitution)
  @Post(':id/lines/:lineId/substitution')
  @HttpCode(200)
  async substitution(
    @Param('id', uuid) backorderId: string,
    @Param('lineId', lineIdPipe) lineId: string,
    @Body() body: SubstitutionDecisionDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute<DecideSubstitution, CommandOutcome<BackorderEvent>>(
      new DecideSubstitution(
        backorderId,
        lineId,
        body.decision === 'accept',
        body.reason ?? body.decision,
        context,
      ),
    );
    return respond(reply, backorderId, lineId, outcome);
  }
}

function later(a: Position | null, b: Position | null): Position | null {
  if (!a || !b) return a ?? b;
  return comparePositions(a, b) >= 0 ? a : b;
}

/** Discounts by line id (lines are numbered L1, L2, ... in the order placed). */
function unitDiscounts(body: PlaceBackorderDto): Record<string, Money> {
  return Object.fromEntries(
    body.lines.flatMap((line, i) => (line.unitDiscount ? [[`L${i + 1}`, line.unitDiscount]] : [])),
  );
}

function respond(
  reply: FastifyReply,
  backorderId: string,
  lineId: string,
  outcome: CommandOutcome<BackorderEvent>,
) {
  setLogPosition(reply, outcome.position);
  return {
    id: backorderId,
    lineId,
    changed: outcome.events.length > 0,
    events: outcome.events.map((e) => e.type),
  };
}
