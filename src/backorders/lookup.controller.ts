import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LookupDto } from './backorder.dto';
import { Lookup } from './backorder.queries';

/** "Where is my order?": anyone on staff, by order number, customer name, phone or email. */
@ApiTags('backorders')
@Controller('lookup')
export class LookupController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  lookup(@Query() query: LookupDto) {
    return this.queries.execute(new Lookup(query.q));
  }
}
