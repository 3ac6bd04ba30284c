import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { PageQueryDto } from '../../shared/http/page-query.dto';
import { CHANGE_KINDS, type ChangeKind, REVIEW_KINDS, type ReviewKind } from './import-review';

export class ApplyImportDto {
  @ApiPropertyOptional({
    enum: CHANGE_KINDS,
    isArray: true,
    description: 'Kinds of change to apply; default new, cost, price and details',
    example: ['new', 'cost'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANGE_KINDS.length)
  @IsIn(CHANGE_KINDS, { each: true })
  kinds?: ChangeKind[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Only these vendor SKUs (at most 1,000 per request)',
    example: ['NR-KAS-0508-IVNV'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  skus?: string[];

  @ApiPropertyOptional({
    description: 'Also discontinue the listed products the sheet no longer names',
    default: false,
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  discontinueMissing?: boolean;
}

export class ListImportChangesDto extends PageQueryDto {
  @ApiProperty({ enum: REVIEW_KINDS, example: 'price' })
  @IsIn(REVIEW_KINDS)
  kind!: ReviewKind;
}
