import { Allow } from '../auth/access.decorators';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { STOCK_ANSWERS } from './stock.answers';
import type { FastifyReply } from 'fastify';
import type { StockLevel } from '../../projections/inventory/stock-levels.projection';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { entityId } from '../shared/commands/entity-id';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { RequestContext } from '../shared/http/request-context.decorator';
import { AdjustStock } from './stock.commands';
import { AdjustStockDto, StockQueryDto } from './stock.dto';
import type { StockEvent } from './stock.events';
import { GetStockLevel } from './stock.queries';

@ApiTags('stock')
@ApiBearerAuth()
@Allow('receiving')
@Controller('stock')
export class StockController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Allow('sales', 'receiving', 'purchasing')
  @ApiOperation({ summary: 'Stock levels per product: on hand, held and free' })
  @ApiAnswer(200, STOCK_ANSWERS.level)
  @Get()
  level(
    @Query() query: StockQueryDto,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<StockLevel> {
    return this.queries.execute(new GetStockLevel(query.productId, minPosition));
  }

  /** A count correction or write-off; the operation id makes a retried request a no-op. */
  @ApiOperation({ summary: 'Correct the stock on hand after a count, or write units off' })
  @ApiAnswer(201, STOCK_ANSWERS.adjust)
  @Post('adjustments')
  @HttpCode(201)
  async adjust(
    @Body() body: AdjustStockDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; productId: string }> {
    const operationId = entityId(context, 'stock-adjustment');
    const outcome = await this.commands.execute<AdjustStock, CommandOutcome<StockEvent>>(
      new AdjustStock(body.productId, operationId, body.delta, body.reason.trim(), context),
    );
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/stock?productId=${body.productId}`);
    return { id: operationId, productId: body.productId };
  }
}
