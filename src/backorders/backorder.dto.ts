import { PageQueryDto } from '../shared/http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../shared/http/money.dto';
import { PatternPipe } from '../shared/http/pattern.pipe';
import { DISPOSITIONS, type Disposition } from './backorder.events';

export const lineIdPipe = new PatternPipe('lineId', /^L\d{1,3}$/, 'lineId looks like L1, L2, ...');

export class BackorderLineDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A catalog product: its data is copied into the line',
    example: '7c1e2b0a-3d4f-4e5a-8b6c-9d0e1f2a3b4c',
  })
  @IsUUID()
  productId!: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 999 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'A negotiated price; the retail price otherwise',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice?: MoneyDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    example: { amount: 10000, currency: 'USD' },
    description: 'A discount per unit, shown on the invoice; never above the price (0 by default)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  unitDiscount?: MoneyDto;
}

export class PlaceBackorderDto {
  @ApiProperty({ format: 'uuid', example: '5b0c3f0e-8a51-4a57-9d4e-2f1a6c7b8d90' })
  @IsUUID()
  customerId!: string;

  @ApiPropertyOptional({ example: 'maria', description: 'Defaults to whoever places the order' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  salesperson?: string;

  @ApiPropertyOptional({
    example: 0,
    description: 'Higher is served first when the store receives by priority',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  priority?: number;

  @ApiPropertyOptional({ example: 'Deliver after the 15th' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;

  @ApiProperty({ type: [BackorderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BackorderLineDto)
  lines!: BackorderLineDto[];
}

const LINE_STATUSES = [
  'awaiting-link',
  'to-order',
  'on-po',
  'partially-received',
  'set-aside',
  'ready',
  'picked-up',
  'cancelled',
  'exception',
  'open',
  'closed',
] as const;

export class ListBackordersDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: LINE_STATUSES,
    description: 'An order status, or a status one of its lines has',
  })
  @IsOptional()
  @IsIn(LINE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;
}

export class AsOfDto {
  @ApiPropertyOptional({
    example: '2026-11-24T18:00:00Z',
    description: 'Show the order as it was then',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class LookupDto {
  @ApiProperty({ example: 'BO-000123', description: 'Order number, customer name, phone or email' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'q must not be blank' })
  q!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'customer wants it now, not in 6 weeks' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class LinkStockDto {
  @ApiPropertyOptional({
    description: 'Units to link; all the line still needs by default',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  quantity?: number;
}

export class ChangeLineDto extends ReasonDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;

  @ApiPropertyOptional({
    enum: DISPOSITIONS,
    example: DISPOSITIONS[0],
    description: 'Needed when units are held or on order for the line',
  })
  @IsOptional()
  @IsIn(DISPOSITIONS)
  disposition?: Disposition;
}

export class CancelLineDto extends ReasonDto {
  @ApiPropertyOptional({
    enum: DISPOSITIONS,
    example: DISPOSITIONS[0],
    description: 'Needed when units are held or on order for the line',
  })
  @IsOptional()
  @IsIn(DISPOSITIONS)
  disposition?: Disposition;
}

export class FulfilLineDto {
  @ApiProperty({ enum: ['pickup', 'delivery'], example: 'pickup' })
  @IsIn(['pickup', 'delivery'])
  method!: 'pickup' | 'delivery';
}

export class SubstitutionDecisionDto {
  @ApiProperty({ enum: ['accept', 'reject'], example: 'accept' })
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';

  @ApiPropertyOptional({ example: 'customer prefers to wait for the original' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
