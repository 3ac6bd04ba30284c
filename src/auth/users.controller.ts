import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { USERS_ANSWERS } from './users.answers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type UserListing,
  userDirectoryProjection,
} from '../../projections/auth/user-directory.projection';
import type { CommandContext } from '../shared/commands/command-context';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { AnswersWithSecrets } from '../shared/http/answers-with-secrets.decorator';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { Allow } from './access.decorators';
import { ChangeRolesDto, CreateUserDto, ReasonDto } from './auth.dto';
import { principalOf } from './principal';
import { UserAccounts } from './user-accounts';

/** Users and their roles: the admin's business. */
@ApiTags('users')
@ApiBearerAuth()
@Allow('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly readModels: ReadModels,
  ) {}

  /** Creates a user with a one-time password, returned only in this answer. */
  @AnswersWithSecrets()
  @ApiOperation({ summary: 'Make a user with a one-time password' })
  @ApiAnswer(201, USERS_ANSWERS.create)
  @Post()
  @HttpCode(201)
  async create(
    @Body() body: CreateUserDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { position, ...created } = await this.accounts.create(body, context);
    // The staff app reloads the user list right after: the position lets it read this write.
    setLogPosition(reply, position);
    void reply.header('location', `/users/${created.id}`);
    return created;
  }

  @ApiOperation({ summary: 'List the users' })
  @ApiAnswer(200, USERS_ANSWERS.list)
  @Get()
  async list(@MinLogPosition() minPosition: Position | null): Promise<Page<UserListing>> {
    await this.readModels.readYourWrites(userDirectoryProjection, minPosition);
    return this.users().find({ sort: [['username', 'asc']], limit: 1000 });
  }

  @ApiOperation({ summary: 'A user' })
  @ApiAnswer(200, USERS_ANSWERS.get)
  @Get(':id')
  async get(
    @Param('id', new UuidPipe()) userId: string,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<UserListing> {
    await this.readModels.readYourWrites(userDirectoryProjection, minPosition);
    const user = await this.users().findById(userId);
    if (!user) throw new NotFoundException(`user ${userId} does not exist`);
    return user;
  }

  /** Replaces the user's roles; their open sessions end. */
  @ApiOperation({ summary: 'Replace a user’s roles' })
  @ApiAnswer(200, USERS_ANSWERS.changeRoles)
  @Put(':id/roles')
  async changeRoles(
    @Param('id', new UuidPipe()) userId: string,
    @Body() body: ChangeRolesDto,
    @Req() request: FastifyRequest,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!body.roles.includes('admin')) notYourself(request, userId);
    const outcome = await this.accounts.changeRoles(userId, body.roles, context);
    setLogPosition(reply, outcome.position);
    return { id: userId, changed: outcome.events.length > 0 };
  }

  @ApiOperation({ summary: 'Disable a user (their sessions end)' })
  @ApiAnswer(200, USERS_ANSWERS.disable)
  @Post(':id/disable')
  @HttpCode(200)
  async disable(
    @Param('id', new UuidPipe()) userId: string,
    @Body() body: ReasonDto,
    @Req() request: FastifyRequest,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    notYourself(request, userId);
    const outcome = await this.accounts.disable(userId, body.reason, context);
    setLogPosition(reply, outcome.position);
    return { id: userId, changed: outcome.events.length > 0 };
  }

  @ApiOperation({ summary: 'Enable a disabled user' })
  @ApiAnswer(200, USERS_ANSWERS.enable)
  @Post(':id/enable')
  @HttpCode(200)
  async enable(
    @Param('id', new UuidPipe()) userId: string,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.accounts.enable(userId, context);
    setLogPosition(reply, outcome.position);
    return { id: userId, changed: outcome.events.length > 0 };
  }

  /** A new one-time password for a user who forgot theirs, returned only in this answer. */
  @AnswersWithSecrets()
  @ApiOperation({ summary: 'Reset a user’s password to a new one-time password' })
  @ApiAnswer(200, USERS_ANSWERS.resetPassword)
  @Post(':id/reset-password')
  @HttpCode(200)
  async resetPassword(
    @Param('id', new UuidPipe()) userId: string,
    @RequestContext() context: CommandContext,
  ) {
    return { id: userId, oneTimePassword: await this.accounts.resetPassword(userId, context) };
  }

  private users() {
    return this.readModels.collection<UserListing>(userDirectoryProjection, 'users');
  }
}

/** An admin cannot take away their own access: there is always an admin left to undo a mistake. */
function notYourself(request: FastifyRequest, userId: string): void {
  if (principalOf(request)?.id === userId) {
    throw new BusinessRuleViolation(
      'admin-cannot-lock-self-out',
      'you cannot disable yourself or give up your own admin role; ask another admin',
    );
  }
}
