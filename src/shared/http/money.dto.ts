import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** Money over HTTP, as in events: whole minor units (cents) and an ISO 4217 currency code. */
export class MoneyDto {
  @ApiProperty({ example: 129900, description: 'minor units: 129900 is 1,299.00' })
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  amount!: number;

  @ApiProperty({ example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency!: string;
}
