import { PageQueryDto } from '../shared/http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  buildMessage,
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  isURL,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { MoneyDto } from '../shared/http/money.dto';
import { PlainText } from '../shared/http/well-formed-text';

const SHA256_HEX = /^[0-9a-f]{64}$/i;
const MAX_IMAGES = 20;

/** An image is a content hash of a stored picture, or a URL where the vendor publishes it. */
function IsImageReference(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isImageReference',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          (SHA256_HEX.test(value) ||
            isURL(value, { protocols: ['http', 'https'], require_protocol: true })),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a sha256 hex digest or an http(s) URL`,
          options,
        ),
      },
    },
    options,
  );
}

/** Present fields are checked; null clears a field that may be empty. */
const present = (_: object, value: unknown) => value !== undefined;

export class ListProductDto {
  @ApiProperty({ format: 'uuid', example: '5b0e7c1e-2f7a-4d35-9a0c-3c8f6f1d2a4b' })
  @IsUUID()
  vendorId!: string;

  @ApiProperty({
    example: 'NR-KAS-0508',
    description: "The vendor's article number; stored trimmed and upper-cased",
  })
  @IsString()
  @Length(1, 64)
  @Matches(/\S/, { message: 'vendorSku must not be blank' })
  @PlainText()
  vendorSku!: string;

  @ApiProperty({ example: 'Kashan Medallion 5x8' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  @PlainText()
  name!: string;

  @ApiPropertyOptional({ example: 'Persian Heritage' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  collection?: string;

  @ApiPropertyOptional({ example: 'Kashan' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  design?: string;

  @ApiPropertyOptional({ example: 'Ivory/Navy' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  color?: string;

  @ApiPropertyOptional({ example: '5\'3" x 7\'6"' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  size?: string;

  @ApiPropertyOptional({ example: 'Hand-knotted wool' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  material?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_IMAGES,
    example: [
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'https://images.nourison.example/NR-KAS-0508.jpg',
    ],
    description: 'sha256 hex digests of stored images, or http(s) URLs',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMAGES)
  @IsImageReference({ each: true })
  images?: string[];

  @ApiProperty({ type: MoneyDto, example: { amount: 64900, currency: 'USD' } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  cost!: MoneyDto;

  @ApiProperty({ type: MoneyDto, example: { amount: 129900, currency: 'USD' } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  retailPrice!: MoneyDto;
}

export class ReviseProductDto {
  @ApiPropertyOptional({ example: 'Kashan Medallion 5x8 (new weave)' })
  @ValidateIf(present)
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  @PlainText()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Persian Heritage' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  collection?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kashan' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  design?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ivory/Navy' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  color?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '5\'3" x 7\'6"' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  size?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hand-knotted wool' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @PlainText()
  material?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_IMAGES,
    example: ['https://images.nourison.example/NR-KAS-0508-b.jpg'],
    description: 'Replaces the image list',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_IMAGES)
  @IsImageReference({ each: true })
  images?: string[];

  @ApiPropertyOptional({ type: MoneyDto, example: { amount: 67900, currency: 'USD' } })
  @ValidateIf(present)
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  cost?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, example: { amount: 134900, currency: 'USD' } })
  @ValidateIf(present)
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  retailPrice?: MoneyDto;
}

export class ListProductsDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Words of the name, vendor SKU, collection, design or color',
    example: 'kashan ivory',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;
}
