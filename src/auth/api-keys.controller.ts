import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { API_KEYS_ANSWERS } from './api-keys.answers';
import type { FastifyReply } from 'fastify';
import {
  type ApiKeyListing,
  userDirectoryProjection,
} from '../../projections/auth/user-directory.projection';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { PatternPipe } from '../shared/http/pattern.pipe';
import { AnswersWithSecrets } from '../shared/http/answers-with-secrets.decorator';
import { RequestContext } from '../shared/http/request-context.decorator';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { Allow } from './access.decorators';
import { newApiKey } from './api-key-format';
import { IssueApiKey, RevokeApiKey } from './api-key.commands';
import type { ApiKeyEvent } from './api-key.events';
import { IssueApiKeyDto, ReasonDto } from './auth.dto';

const KEY_ID = /^[0-9a-f]{32}$/;

/** Keys for integrations: each acts with its own roles, under its own name, until revoked. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Allow('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModels: ReadModels,
  ) {}

  /** The key is in this answer only: keep it; the server keeps just its hash. */
  @AnswersWithSecrets()
  @ApiOperation({ summary: 'Make an API key (its secret is shown once)' })
  @ApiAnswer(201, API_KEYS_ANSWERS.issue)
  @Post()
  @HttpCode(201)
  async issue(
    @Body() body: IssueApiKeyDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { keyId, key, secretHash } = newApiKey();
    const outcome: CommandOutcome<ApiKeyEvent> = await this.commands.execute(
      new IssueApiKey(keyId, body.name, body.roles, secretHash, context),
    );
    setLogPosition(reply, outcome.position);
    return { id: keyId, name: body.name, roles: body.roles, key };
  }

  @ApiOperation({ summary: 'List the API keys' })
  @ApiAnswer(200, API_KEYS_ANSWERS.list)
  @Get()
  async list(@MinLogPosition() minPosition: Position | null): Promise<Page<ApiKeyListing>> {
    await this.readModels.readYourWrites(userDirectoryProjection, minPosition);
    return this.readModels
      .collection<ApiKeyListing>(userDirectoryProjection, 'api_keys')
      .find({ sort: [['name', 'asc']], limit: 1000 });
  }

  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiAnswer(200, API_KEYS_ANSWERS.revoke)
  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(
    @Param('id', new PatternPipe('id', KEY_ID, 'id must be an API key id (32 hex digits)'))
    keyId: string,
    @Body() body: ReasonDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome: CommandOutcome<ApiKeyEvent> = await this.commands.execute(
      new RevokeApiKey(keyId, body.reason, context),
    );
    setLogPosition(reply, outcome.position);
    return { id: keyId, revoked: true, changed: outcome.events.length > 0 };
  }
}
