import { Allow } from '../auth/access.decorators';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { VENDOR_ANSWERS } from './vendor.answers';
import type { FastifyReply } from 'fastify';
import type { VendorListing } from '../../projections/vendors/vendor-directory.projection';
import type { CommandContext } from '../shared/commands/command-context';
import { entityId } from '../shared/commands/entity-id';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { ChangeVendorTerms, RegisterVendor } from './vendor.commands';
import { ChangeVendorTermsDto, ListVendorsDto, RegisterVendorDto } from './vendor.dto';
import type { VendorEvent } from './vendor.events';
import { GetVendor, ListVendors } from './vendor.queries';

@ApiTags('vendors')
@ApiBearerAuth()
@Allow('purchasing')
@Controller('vendors')
export class VendorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @ApiOperation({ summary: 'Add a vendor' })
  @ApiAnswer(201, VENDOR_ANSWERS.register)
  @Post()
  @HttpCode(201)
  async register(
    @Body() body: RegisterVendorDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string }> {
    const vendorId = entityId(context, 'vendor');
    const profile = {
      ...body,
      name: body.name.trim(),
      email: body.email ?? null,
      phone: body.phone ?? null,
    };
    const outcome = await this.commands.execute<RegisterVendor, CommandOutcome<VendorEvent>>(
      new RegisterVendor(vendorId, profile, context),
    );
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/vendors/${vendorId}`);
    return { id: vendorId };
  }

  @ApiOperation({ summary: 'Change a vendor’s terms' })
  @ApiAnswer(200, VENDOR_ANSWERS.changeTerms)
  @Patch(':id')
  async changeTerms(
    @Param('id', new UuidPipe()) vendorId: string,
    @Body() body: ChangeVendorTermsDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; changed: boolean }> {
    const outcome = await this.commands.execute<ChangeVendorTerms, CommandOutcome<VendorEvent>>(
      new ChangeVendorTerms(vendorId, body, context),
    );
    setLogPosition(reply, outcome.position);
    return { id: vendorId, changed: outcome.events.length > 0 };
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'List vendors' })
  @ApiAnswer(200, VENDOR_ANSWERS.list)
  @Get()
  list(
    @Query() query: ListVendorsDto,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<Page<VendorListing>> {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListVendors(filter, { limit, cursor }, minPosition));
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'A vendor' })
  @ApiAnswer(200, VENDOR_ANSWERS.get)
  @Get(':id')
  async get(
    @Param('id', new UuidPipe()) vendorId: string,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<VendorListing> {
    const vendor = await this.queries.execute<GetVendor, VendorListing | null>(
      new GetVendor(vendorId, minPosition),
    );
    if (!vendor) throw new NotFoundException(`vendor ${vendorId} does not exist`);
    return vendor;
  }
}
