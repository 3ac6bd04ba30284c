import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Matches, Max, Min, NotEquals } from 'class-validator';

const MAX_DELTA = 100_000;

export class AdjustStockDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2a9e-8d4b-5e7f-9a01-2b3c4d5e6f70' })
  @IsUUID()
  productId!: string;

  @ApiProperty({
    example: -1,
    description: 'Units added (positive) or removed (negative); never zero',
  })
  @IsInt()
  @NotEquals(0, { message: 'delta must not be zero' })
  @Min(-MAX_DELTA)
  @Max(MAX_DELTA)
  delta!: number;

  @ApiProperty({ example: 'Damaged in the showroom, written off' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class StockQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId!: string;
}
