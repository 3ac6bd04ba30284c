import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { CATALOG_SEARCH_ANSWERS } from './catalog-search.answers';
import { Allow } from '../auth/access.decorators';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition } from '../shared/http/log-position';
import { type CatalogSearchResult, SearchCatalog } from './catalog-search';
import { CatalogSearchDto } from './catalog-search.dto';

@ApiTags('products')
@ApiBearerAuth()
@Allow('sales', 'purchasing', 'receiving', 'accounting')
@Controller('catalog')
export class CatalogSearchController {
  constructor(private readonly queries: QueryBus) {}

  /** Search across every vendor's catalog, with counts per vendor and color for the filters. */
  @ApiOperation({ summary: 'Search the catalog as a counter clerk types' })
  @ApiAnswer(200, CATALOG_SEARCH_ANSWERS.search)
  @Get('search')
  search(
    @Query() query: CatalogSearchDto,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<CatalogSearchResult> {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new SearchCatalog(filter, { limit, cursor }, minPosition));
  }
}
