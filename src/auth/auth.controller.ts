import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { AUTH_ANSWERS } from './auth.answers';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../shared/commands/command-context';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { AnswersWithSecrets } from '../shared/http/answers-with-secrets.decorator';
import { RequestContext } from '../shared/http/request-context.decorator';
import { LoginRoute, Public, SignedIn } from './access.decorators';
import { ChangePasswordDto, LoginDto, RefreshDto } from './auth.dto';
import { type Principal, principalOf } from './principal';
import { type SignedIn as Session, UserAccounts } from './user-accounts';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: UserAccounts) {}

  /** A short-lived access token and a refresh token; a wrong name or password is a plain 401. */
  @AnswersWithSecrets()
  @ApiOperation({ summary: 'Sign in with a username and password' })
  @ApiAnswer(200, AUTH_ANSWERS.login)
  @Post('login')
  @HttpCode(200)
  @Public()
  @LoginRoute()
  login(@Body() body: LoginDto, @RequestContext() context: CommandContext): Promise<Session> {
    return this.accounts.login(body.username, body.password, context);
  }

  @AnswersWithSecrets()
  @ApiOperation({ summary: 'Trade a refresh token for a new pair of tokens' })
  @ApiAnswer(200, AUTH_ANSWERS.refresh)
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @LoginRoute()
  refresh(@Body() body: RefreshDto, @RequestContext() context: CommandContext): Promise<Session> {
    return this.accounts.refresh(body.refreshToken, context);
  }

  /** Replaces the caller's password; every other session of theirs ends. */
  @AnswersWithSecrets()
  @ApiOperation({ summary: 'Change your password (answers with new tokens: the old ones end)' })
  @ApiAnswer(200, AUTH_ANSWERS.changePassword)
  @Post('password')
  @HttpCode(200)
  @SignedIn()
  @LoginRoute()
  @ApiBearerAuth()
  changePassword(
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @RequestContext() context: CommandContext,
  ): Promise<Session> {
    const principal = signedInUser(request);
    return this.accounts.changeOwnPassword(
      principal.id,
      body.currentPassword,
      body.newPassword,
      context,
    );
  }

  @ApiOperation({ summary: 'Who is signed in, with their roles' })
  @ApiAnswer(200, AUTH_ANSWERS.me)
  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  me(@Req() request: FastifyRequest): Principal {
    return principalOf(request) as Principal;
  }
}

function signedInUser(request: FastifyRequest): Principal {
  const principal = principalOf(request) as Principal;
  if (principal.kind !== 'user') {
    throw new BusinessRuleViolation('api-key-has-no-password', 'an API key has no password');
  }
  return principal;
}
