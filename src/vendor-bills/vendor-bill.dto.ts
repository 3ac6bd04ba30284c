import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../shared/http/money.dto';

export class VendorBillLineDto {
  @ApiProperty({ example: 'PL1', description: 'The PO line billed' })
  @IsString()
  @Length(1, 40)
  poLineId!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @ApiProperty({
    type: MoneyDto,
    example: { amount: 126000, currency: 'USD' },
    description: 'What the vendor charged per unit, in minor units',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  unitCost!: MoneyDto;
}

export class RecordVendorBillDto {
  @ApiProperty({ example: 'INV-88412', description: "The number on the vendor's invoice" })
  @IsString()
  @Length(1, 80)
  @Matches(/\S/, { message: 'vendorInvoiceNumber must not be blank' })
  vendorInvoiceNumber!: string;

  @ApiProperty({ example: '2026-10-03', description: "The date on the vendor's invoice" })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'billedOn must be a date as YYYY-MM-DD',
  })
  billedOn!: string;

  @ApiProperty({ type: [VendorBillLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => VendorBillLineDto)
  lines!: VendorBillLineDto[];
}
