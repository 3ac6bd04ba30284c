import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../shared/http/page-query.dto';
import {
  METHODS_NEEDING_REFERENCE,
  PAYMENT_METHODS,
  type PaymentMethod,
  RELEASE_POINTS,
  type ReleasePoint,
  SCHEDULE_KINDS,
  type ScheduleKind,
} from './order-account.events';

/**
 * Money handed over: whole minor units (cents) as an integer, never a decimal string, so a
 * fraction of a cent cannot be written at all (12.5 is refused with a 400).
 */
export class AmountDto {
  @ApiProperty({ example: 50000, description: 'minor units, more than 0: 50000 is 500.00' })
  @IsInt({ message: 'amount must be a whole number of minor units (cents)' })
  @Min(1)
  @Max(100_000_000_00)
  amount!: number;

  @ApiProperty({ example: 'USD', description: "The store's currency (STORE_CURRENCY)" })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency!: string;
}

class MoneyHandedOverDto {
  @ApiProperty({ type: AmountDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AmountDto)
  amount!: AmountDto;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'card' })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({
    example: 'CHQ 004512',
    description: 'The cheque or transfer number: required for cheque and transfer',
  })
  @ValidateIf(
    (dto: MoneyHandedOverDto) =>
      METHODS_NEEDING_REFERENCE.includes(dto.method) || dto.reference !== undefined,
  )
  @IsString({ message: 'reference is required for a cheque or a transfer' })
  @Length(1, 120)
  @Matches(/\S/, { message: 'reference must not be blank' })
  reference?: string;
}

export class TakeDepositDto extends MoneyHandedOverDto {}

export class ReceivePaymentDto extends MoneyHandedOverDto {
  @ApiPropertyOptional({ example: 'I2', description: 'The installment of the schedule it pays' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  installmentId?: string;
}

export class IssueRefundDto extends MoneyHandedOverDto {
  @ApiProperty({ example: 'Line 2 cancelled: the vendor discontinued the design' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @ApiPropertyOptional({
    example: 'L2',
    description: 'The cancelled or reduced line: its disposition is copied onto the refund',
  })
  @IsOptional()
  @Matches(/^L\d{1,3}$/, { message: 'lineId looks like L1, L2, ...' })
  lineId?: string;
}

export class InstallmentDto {
  @ApiProperty({ example: 'I1', description: 'Unique within the schedule' })
  @IsString()
  @Length(1, 40)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'installmentId holds letters, digits, - and _' })
  installmentId!: string;

  @ApiProperty({ example: '2026-12-15', description: "A day in the store's time zone" })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'dueOn must be a date as YYYY-MM-DD',
  })
  dueOn!: string;

  @ApiProperty({ type: AmountDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AmountDto)
  amount!: AmountDto;
}

export class AgreePaymentScheduleDto {
  @ApiProperty({ enum: SCHEDULE_KINDS, example: 'layaway' })
  @IsIn(SCHEDULE_KINDS)
  kind!: ScheduleKind;

  @ApiProperty({
    type: [InstallmentDto],
    description: 'In due order; they must add up to the balance due',
    example: [
      { installmentId: 'I1', dueOn: '2026-12-15', amount: { amount: 40000, currency: 'USD' } },
      { installmentId: 'I2', dueOn: '2027-01-15', amount: { amount: 40000, currency: 'USD' } },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => InstallmentDto)
  installments!: InstallmentDto[];

  @ApiProperty({ enum: RELEASE_POINTS, example: 'when-paid-in-full' })
  @IsIn(RELEASE_POINTS)
  goodsReleasedWhen!: ReleasePoint;

  @ApiPropertyOptional({
    example: 'I2',
    description: 'With after-installment: the installment after which the goods may go',
  })
  @ValidateIf(
    (dto: AgreePaymentScheduleDto) =>
      dto.goodsReleasedWhen === 'after-installment' || dto.releaseAfterInstallmentId !== undefined,
  )
  @IsString()
  @Length(1, 40)
  releaseAfterInstallmentId?: string;
}

export class OpenBalancesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this customer’s orders' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class OverdueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-31',
    description: "Overdue as of this day (YYYY-MM-DD); today in the store's zone by default",
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'asOf must be a date as YYYY-MM-DD',
  })
  asOf?: string;
}

/** A money command's answer. */
export class MoneyRecordedDto {
  @ApiProperty({ example: '0f9d2a64-5a4c-4f4e-9d7a-1c3b8e2f6a10', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '4c1e…', description: 'The deposit, payment, refund or schedule id' })
  recordedId!: string;

  @ApiProperty({ example: true, description: 'false when a retry found it already recorded' })
  changed!: boolean;

  @ApiProperty({ type: AmountDto, description: 'What the customer still owes after this' })
  balanceDue!: AmountDto;
}
