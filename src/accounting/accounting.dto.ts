import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../projections/accounting/periods';
import { POLICIES, type Policy } from '../../projections/accounting/recognition-policies';

/** An instant in UTC to the second or millisecond: what `recordedAt` is compared with. */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

/** A range of periods and the answer's format: what every report takes. */
export class PeriodRangeDto {
  @ApiPropertyOptional({ example: '2026-01' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'from must be YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'to must be YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ReportQueryDto extends PeriodRangeDto {
  @ApiPropertyOptional({
    enum: POLICIES,
    description:
      "One policy's ledger; default: the book as published (active policy, closed periods kept)",
  })
  @IsOptional()
  @IsIn(POLICIES)
  policy?: Policy;

  @ApiPropertyOptional({
    example: '2026-03-31T23:59:59.999Z',
    description: 'As recorded at this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class CompareQueryDto extends PeriodRangeDto {
  @ApiPropertyOptional({ example: 'at-pickup,at-set-aside,at-order' })
  @IsOptional()
  @Matches(/^(at-pickup|at-set-aside|at-order)(,(at-pickup|at-set-aside|at-order))*$/, {
    message: 'policies must be a comma-separated list of at-pickup, at-set-aside, at-order',
  })
  policies?: string;
}

export class StartReplayDto {
  @ApiPropertyOptional({
    enum: POLICIES,
    example: 'at-set-aside',
    description: 'default: all three in one pass',
  })
  @IsOptional()
  @IsIn(POLICIES)
  policy?: Policy;

  @ApiPropertyOptional({ example: '2026-03-31T23:59:59.999Z', description: 'an instant, in UTC' })
  @IsOptional()
  @Matches(INSTANT, { message: 'asOf must be an instant in UTC, like 2026-03-31T23:59:59.999Z' })
  asOf?: string;
}
