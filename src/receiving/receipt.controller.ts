import { UuidPipe } from '../shared/http/uuid.pipe';
import { Allow } from '../auth/access.decorators';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { RECEIPT_ANSWERS } from './receipt.answers';
import { GetReceipt } from '../purchasing/purchase-order.queries';
import type { Position } from '../shared/eventstore/event-envelope';
import { found } from '../shared/http/found';
import { MinLogPosition } from '../shared/http/log-position';

@ApiTags('receiving')
@ApiBearerAuth()
@Allow('receiving', 'purchasing')
@Controller('receipts')
export class ReceiptController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOperation({ summary: 'A receipt: what arrived and where each unit went' })
  @ApiAnswer(200, RECEIPT_ANSWERS.get)
  @Get(':id')
  async get(
    @Param('id', new UuidPipe()) receiptId: string,
    @MinLogPosition() minPosition: Position | null,
  ) {
    return found(
      await this.queries.execute(new GetReceipt(receiptId, minPosition)),
      'receipt',
      receiptId,
    );
  }
}
