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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'partially-received',
  'received',
  'closed',
  'cancelled',
] as const;

export class PurchaseOrderLineDto {
  @ApiProperty({ format: 'uuid', example: '7c1e2b0a-3d4f-4e5a-8b6c-9d0e1f2a3b4c' })
  @IsUUID()
  productId!: string;

  @ApiProperty({ example: 4, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(9999)
  quantity!: number;
}

export class CreatePurchaseOrderDto {
  @ApiProperty({ format: 'uuid', example: '3a7d9c2e-1b4f-4a6e-9c8d-2e5f7a1b3c4d' })
  @IsUUID()
  vendorId!: string;

  @ApiProperty({ type: [PurchaseOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineDto)
  lines!: PurchaseOrderLineDto[];
}

export class ListPurchaseOrdersDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ description: 'Words of the PO number or vendor name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class DraftsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;
}

export class LineEtaDto {
  @ApiProperty({ format: 'uuid', example: 'c4b3a291-8f7e-4d6c-9b5a-4e3d2c1b0a99' })
  @IsUUID()
  poLineId!: string;

  @ApiProperty({ example: '2026-12-15', description: 'The day the vendor expects to deliver' })
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'eta is a date: YYYY-MM-DD' })
  eta!: string;
}

export class AcknowledgeDto {
  @ApiPropertyOptional({ example: 'SO-88412', description: "The vendor's own order number" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  vendorReference?: string;

  @ApiProperty({ type: [LineEtaDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => LineEtaDto)
  etas!: LineEtaDto[];
}

export class ReviseEtaDto {
  @ApiProperty({ example: '2026-12-22' })
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'eta is a date: YYYY-MM-DD' })
  eta!: string;

  @ApiProperty({ enum: ['vendor', 'staff'], example: 'vendor' })
  @IsIn(['vendor', 'staff'])
  source!: 'vendor' | 'staff';

  @ApiPropertyOptional({ example: 'container delayed at port' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class PurchaseOrderReasonDto {
  @ApiProperty({ example: 'vendor discontinued the design' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class SubstituteDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The catalog product that came instead',
    example: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
  })
  @IsUUID()
  productId!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(9999)
  quantity!: number;
}

export class ReceivedLineDto {
  @ApiProperty({ format: 'uuid', example: 'c4b3a291-8f7e-4d6c-9b5a-4e3d2c1b0a99' })
  @IsUUID()
  poLineId!: string;

  @ApiProperty({ example: 2, description: 'Units of the ordered product that arrived' })
  @IsInt()
  @Min(0)
  @Max(9999)
  quantity!: number;

  @ApiPropertyOptional({
    type: SubstituteDto,
    description: 'Units of another product sent in its place',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SubstituteDto)
  substitute?: SubstituteDto;
}

export class ReceiptDto {
  @ApiProperty({ type: [ReceivedLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReceivedLineDto)
  lines!: ReceivedLineDto[];
}
