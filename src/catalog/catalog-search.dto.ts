import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DecimalNumber } from '../shared/http/decimal-number';
import { PageQueryDto } from '../shared/http/page-query.dto';
import type { RugShape } from './imports/sheet-product';

const SHAPES: readonly RugShape[] = ['rectangle', 'round', 'oval', 'square', 'runner', 'octagon'];

export class CatalogSearchDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Words of the name, SKU, collection, design or color; each may be a beginning',
    example: 'kash ivo',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this vendor' })
  @IsOptional()
  @IsUUID()
  vendor?: string;

  @ApiPropertyOptional({ example: 'Persian Heritage' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  collection?: string;

  @ApiPropertyOptional({ example: 'Ivory/Navy' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  color?: string;

  @ApiPropertyOptional({ enum: SHAPES })
  @IsOptional()
  @IsIn(SHAPES)
  shape?: RugShape;

  @ApiPropertyOptional({ example: 150 })
  @IsOptional()
  @DecimalNumber()
  @IsNumber()
  @Min(0)
  @Max(100_000)
  minWidthCm?: number;

  @ApiPropertyOptional({ example: 250 })
  @IsOptional()
  @DecimalNumber()
  @IsNumber()
  @Min(0)
  @Max(100_000)
  maxWidthCm?: number;

  @ApiPropertyOptional({ description: 'Lowest retail price, in minor units', example: 50000 })
  @IsOptional()
  @DecimalNumber()
  @IsInt()
  @Min(0)
  minPrice?: number;

  @ApiPropertyOptional({ description: 'Highest retail price, in minor units', example: 250000 })
  @IsOptional()
  @DecimalNumber()
  @IsInt()
  @Min(0)
  maxPrice?: number;

  @ApiPropertyOptional({ description: 'Only products with units free to sell now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  inStock?: boolean;
}
