import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACCOUNT_CODES, type AccountCode } from '../../projections/accounting/chart-of-accounts';
import { PERIOD_PATTERN } from '../../projections/accounting/periods';
import { POLICIES, type Policy } from '../../projections/accounting/recognition-policies';

export class ChangeBookPolicyDto {
  @ApiProperty({ enum: POLICIES, example: 'at-set-aside' })
  @IsIn(POLICIES)
  policy!: Policy;

  @ApiPropertyOptional({
    example: 'Bill-and-hold terms signed with our layaway customers (ASC 606-10-55-83)',
    description:
      'Required: a change without one is refused (422 policy-change-needs-justification)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  justification?: string;
}

export class CloseBookPeriodDto {
  @ApiProperty({ example: '2026-01', description: 'YYYY-MM; periods before it close with it' })
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY-MM' })
  period!: string;
}

export class AdjustmentLineDto {
  @ApiProperty({ enum: ACCOUNT_CODES, example: '4000' })
  @IsIn(ACCOUNT_CODES)
  account!: AccountCode;

  @ApiProperty({ example: 0, description: 'integer minor units' })
  @IsInt()
  @Min(0)
  debit!: number;

  @ApiProperty({ example: 1500, description: 'integer minor units' })
  @IsInt()
  @Min(0)
  credit!: number;
}

export class PostBookAdjustmentDto {
  @ApiPropertyOptional({
    example: '2026-03',
    description: 'YYYY-MM; default: the first open period',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY-MM' })
  period?: string;

  @ApiProperty({ example: 'Write-off of a damaged unit' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ type: [AdjustmentLineDto] })
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => AdjustmentLineDto)
  lines!: AdjustmentLineDto[];
}

export class RestatementQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], example: 'csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
