import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { Allow } from '../auth/access.decorators';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition } from '../shared/http/log-position';
import { OPEN_BALANCES_EXAMPLE, OVERDUE_EXAMPLE } from './account.examples';
import { ListOpenBalances, ListOverdueInstallments } from './account-lists.queries';
import { OpenBalancesQueryDto, OverdueQueryDto } from './order-account.dto';

/** The lists accounting and the counter work from: who owes, and whose installments are late. */
@ApiTags('payments')
@ApiBearerAuth()
@Allow('accounting', 'sales')
@Controller('accounts')
export class AccountListsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOperation({ summary: 'Orders with money still owed' })
  @Get('open-balances')
  @ApiAnswer(200, OPEN_BALANCES_EXAMPLE)
  openBalances(
    @Query() query: OpenBalancesQueryDto,
    @MinLogPosition() minPosition: Position | null,
  ) {
    const { customerId, limit, cursor } = query;
    return this.queries.execute(new ListOpenBalances(customerId, { limit, cursor }, minPosition));
  }

  @ApiOperation({ summary: 'Installments past their due day' })
  @Get('overdue-installments')
  @ApiAnswer(200, OVERDUE_EXAMPLE)
  overdue(@Query() query: OverdueQueryDto, @MinLogPosition() minPosition: Position | null) {
    const { asOf, limit, cursor } = query;
    return this.queries.execute(
      new ListOverdueInstallments(asOf ?? null, { limit, cursor }, minPosition),
    );
  }
}
