import { PageQueryDto } from '../shared/http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PHONE_PATTERN } from '../shared/http/phone-pattern';
import { PlainText } from '../shared/http/well-formed-text';

export class RegisterCustomerDto {
  @ApiProperty({ example: 'Amelia Hartley' })
  @IsString()
  @Length(1, 120)
  @Matches(/\S/, { message: 'name must not be blank' })
  @PlainText()
  name!: string;

  @ApiPropertyOptional({
    example: '(201) 555-0143',
    description: 'Any formatting; found later by its digits',
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'amelia.hartley@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class ChangeCustomerDetailsDto {
  @ApiPropertyOptional({ example: 'Amelia Hartley-Quinn' })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsString()
  @Length(1, 120)
  @Matches(/\S/, { message: 'name must not be blank' })
  @PlainText()
  name?: string;

  @ApiPropertyOptional({
    type: String,
    example: '+1 201 555 0199',
    nullable: true,
    description: 'null removes it',
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'amelia@hartley.example',
    nullable: true,
    description: 'null removes it',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class ListCustomersDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Words of the name, the email, or a phone number in any formatting (or its last digits)',
    example: '555-0143',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class RecordTaxExemptionDto {
  @ApiProperty({
    example: 'TX-EXEMPT-2026-0042',
    description: "The exemption certificate's number, kept on every invoice made while it holds",
  })
  @IsString()
  @Length(1, 120)
  @Matches(/\S/, { message: 'reference must not be blank' })
  reference!: string;
}

export class RevokeTaxExemptionDto {
  @ApiProperty({ example: 'Certificate expired on 2026-06-30' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
