import { PageQueryDto } from '../shared/http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { PHONE_PATTERN } from '../shared/http/phone-pattern';
import { CONSOLIDATION_POLICIES, type ConsolidationPolicy } from './vendor.events';

export class RegisterVendorDto {
  @ApiProperty({ example: 'Nourison Rugs' })
  @IsString()
  @Length(1, 120)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    example: 21,
    description: 'Days from PO submission to delivery, as the vendor quotes it',
  })
  @IsInt()
  @Min(0)
  @Max(730)
  leadTimeDays!: number;

  @ApiProperty({ enum: CONSOLIDATION_POLICIES, example: 'daily' })
  @IsIn(CONSOLIDATION_POLICIES)
  consolidation!: ConsolidationPolicy;

  @ApiPropertyOptional({ example: 'orders@nourison.example' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+1 201 555 0100' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' })
  phone?: string;
}

export class ChangeVendorTermsDto {
  @ApiPropertyOptional({ example: 28 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  leadTimeDays?: number;

  @ApiPropertyOptional({ enum: CONSOLIDATION_POLICIES, example: 'weekly' })
  @IsOptional()
  @IsIn(CONSOLIDATION_POLICIES)
  consolidation?: ConsolidationPolicy;
}

export class ListVendorsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words of the vendor name' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  q?: string;

  @ApiPropertyOptional({ enum: CONSOLIDATION_POLICIES })
  @IsOptional()
  @IsIn(CONSOLIDATION_POLICIES)
  consolidation?: ConsolidationPolicy;
}
