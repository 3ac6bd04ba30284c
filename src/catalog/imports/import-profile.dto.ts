import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Product field -> the sheet's column header (CSV) or key (JSON Lines). */
export class ProfileColumnsDto {
  @ApiProperty({ example: 'Item #' }) @IsString() @Length(1, 200) vendorSku!: string;
  @ApiProperty({ example: 'Description' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Wholesale' }) @IsString() @Length(1, 200) cost!: string;
  @ApiPropertyOptional({ example: 'MSRP' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  retailPrice?: string;
  @ApiPropertyOptional({ example: 'Collection' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  collection?: string;
  @ApiPropertyOptional({ example: 'Design' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  design?: string;
  @ApiPropertyOptional({ example: 'Color' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  color?: string;
  @ApiPropertyOptional({ example: 'Material' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  material?: string;
  @ApiPropertyOptional({ example: 'Size' }) @IsOptional() @IsString() @Length(1, 200) size?: string;
  @ApiPropertyOptional({ example: 'Width' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  width?: string;
  @ApiPropertyOptional({ example: 'Length' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  length?: string;
  @ApiPropertyOptional({ example: 'Shape' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  shape?: string;
  @ApiPropertyOptional({ example: 'Images' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  images?: string;
}

/**
 * A vendor's sheet layout as the API takes it (the name is in the path). The shape is checked
 * here; `validateProfile` then checks what spans fields (retail needs a column or a markup).
 */
export class SaveImportProfileDto {
  @ApiProperty({ enum: ['csv', 'jsonl'], example: 'csv' })
  @IsIn(['csv', 'jsonl'])
  format!: 'csv' | 'jsonl';

  @ApiPropertyOptional({ example: ';', description: 'CSV only; detected when absent' })
  @IsOptional()
  @IsString()
  @Length(1, 1)
  delimiter?: string;

  @ApiProperty({ type: ProfileColumnsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ProfileColumnsDto)
  columns!: ProfileColumnsDto;

  @ApiProperty({ example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @ApiPropertyOptional({ enum: ['major', 'minor'], example: 'major' })
  @IsOptional()
  @IsIn(['major', 'minor'])
  priceUnit?: 'major' | 'minor';

  @ApiPropertyOptional({ enum: ['ft', 'cm'], example: 'ft' })
  @IsOptional()
  @IsIn(['ft', 'cm'])
  sizeUnit?: 'ft' | 'cm';

  @ApiPropertyOptional({ enum: ['ft', 'cm'], example: 'ft' })
  @IsOptional()
  @IsIn(['ft', 'cm'])
  dimensionUnit?: 'ft' | 'cm';

  @ApiPropertyOptional({ example: 2.2 })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(20)
  retailMarkup?: number;

  @ApiPropertyOptional({ example: '|' })
  @IsOptional()
  @IsString()
  @Length(1, 3)
  imageSeparator?: string;
}
