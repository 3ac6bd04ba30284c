import { Allow } from '../auth/access.decorators';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { LOOKUP_ANSWERS } from './lookup.answers';
import { LookupDto } from './backorder.dto';
import { Lookup } from './backorder.queries';

/** "Where is my order?": anyone on staff, by order number, customer name, phone or email. */
@ApiTags('backorders')
@ApiBearerAuth()
@Allow('sales', 'purchasing', 'receiving', 'accounting')
@Controller('lookup')
export class LookupController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOperation({ summary: 'Find backorders by order number, customer name, phone or email' })
  @ApiAnswer(200, LOOKUP_ANSWERS.lookup)
  @Get()
  lookup(@Query() query: LookupDto) {
    return this.queries.execute(new Lookup(query.q));
  }
}
