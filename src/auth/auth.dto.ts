import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { ROLES, type Role } from './roles';
import { PlainText } from '../shared/http/well-formed-text';

/** One to all of the roles, each a known one. */
function RoleList(example: readonly Role[]) {
  return applyDecorators(
    ApiProperty({ example, enum: ROLES, isArray: true }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ROLES.length),
    IsIn(ROLES, { each: true }),
  );
}

export class LoginDto {
  @ApiProperty({ example: 'maria' })
  @IsString()
  @Length(1, 128)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({
    description: 'The refresh token a sign-in returned',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXAiOiJyZWZyZXNoIn0.c2lnbmF0dXJl',
  })
  @IsString()
  @Length(1, 4096)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'the password you signed in with' })
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ example: 'a long phrase only you know', minLength: 12 })
  @IsString()
  @Length(12, 256, { message: 'newPassword must be 12 to 256 characters long' })
  newPassword!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'maria', description: 'Letters, digits and . _ -; not case-sensitive' })
  @IsString()
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9._-]{1,63}\s*$/, {
    message: 'username must be 2 to 64 letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiPropertyOptional({ example: 'Maria Lopez' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  @PlainText()
  displayName?: string;

  @RoleList(['sales'])
  roles!: Role[];
}

export class ChangeRolesDto {
  @RoleList(['sales', 'receiving'])
  roles!: Role[];
}

export class ReasonDto {
  @ApiProperty({ example: 'left the company' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class IssueApiKeyDto {
  @ApiProperty({ example: 'web-shop-sync', description: 'Names the actor of what the key does' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, {
    message: 'name must be 2 to 64 letters, digits, dots, dashes or underscores',
  })
  name!: string;

  @RoleList(['sales'])
  roles!: Role[];
}
