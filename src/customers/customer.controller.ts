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
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { CUSTOMER_ANSWERS } from './customer.answers';
import type { FastifyReply } from 'fastify';
import type { CustomerListing } from '../../projections/customers/customer-directory.projection';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { entityId } from '../shared/commands/entity-id';
import type { Position } from '../shared/eventstore/event-envelope';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RequestContext } from '../shared/http/request-context.decorator';
import type { Page } from '../shared/readmodels/read-model-store.port';
import {
  ChangeCustomerDetails,
  RecordTaxExemption,
  RegisterCustomer,
  RevokeTaxExemption,
} from './customer.commands';
import {
  ChangeCustomerDetailsDto,
  ListCustomersDto,
  RecordTaxExemptionDto,
  RegisterCustomerDto,
  RevokeTaxExemptionDto,
} from './customer.dto';
import type { CustomerDetails, CustomerEvent } from './customer.events';
import { GetCustomer, ListCustomers } from './customer.queries';

@ApiTags('customers')
@ApiBearerAuth()
@Allow('sales')
@Controller('customers')
export class CustomerController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @ApiOperation({ summary: 'Add a customer' })
  @ApiAnswer(201, CUSTOMER_ANSWERS.register)
  @Post()
  @HttpCode(201)
  async register(
    @Body() body: RegisterCustomerDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string }> {
    const customerId = entityId(context, 'customer');
    const details: CustomerDetails = {
      name: body.name.trim(),
      phone: body.phone?.trim() ?? null,
      email: normalizeEmail(body.email) ?? null,
    };
    const outcome = await this.commands.execute<RegisterCustomer, CommandOutcome<CustomerEvent>>(
      new RegisterCustomer(customerId, details, context),
    );
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/customers/${customerId}`);
    return { id: customerId };
  }

  @ApiOperation({ summary: 'Change a customer’s details' })
  @ApiAnswer(200, CUSTOMER_ANSWERS.change)
  @Patch(':id')
  async change(
    @Param('id', new UuidPipe()) customerId: string,
    @Body() body: ChangeCustomerDetailsDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; changed: boolean }> {
    const changes: Partial<CustomerDetails> = {
      name: body.name?.trim(),
      phone: body.phone === null ? null : body.phone?.trim(),
      email: normalizeEmail(body.email),
    };
    const outcome = await this.commands.execute<
      ChangeCustomerDetails,
      CommandOutcome<CustomerEvent>
    >(new ChangeCustomerDetails(customerId, changes, context));
    setLogPosition(reply, outcome.position);
    return { id: customerId, changed: outcome.events.length > 0 };
  }

  /** Later invoices carry no tax and name the certificate; invoices already made stay as they are. */
  @Allow('sales', 'accounting')
  @ApiOperation({ summary: 'Record a customer’s tax exemption' })
  @Post(':id/tax-exemption')
  @HttpCode(200)
  @ApiAnswer(200, { id: '5b0c…', changed: true })
  async recordTaxExemption(
    @Param('id', new UuidPipe()) customerId: string,
    @Body() body: RecordTaxExemptionDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; changed: boolean }> {
    const outcome = await this.commands.execute<RecordTaxExemption, CommandOutcome<CustomerEvent>>(
      new RecordTaxExemption(customerId, body.reference.trim(), context),
    );
    setLogPosition(reply, outcome.position);
    return { id: customerId, changed: outcome.events.length > 0 };
  }

  @Allow('sales', 'accounting')
  @ApiOperation({ summary: 'Revoke a customer’s tax exemption' })
  @Post(':id/tax-exemption/revoke')
  @HttpCode(200)
  @ApiAnswer(200, { id: '5b0c…', changed: true })
  async revokeTaxExemption(
    @Param('id', new UuidPipe()) customerId: string,
    @Body() body: RevokeTaxExemptionDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; changed: boolean }> {
    const outcome = await this.commands.execute<RevokeTaxExemption, CommandOutcome<CustomerEvent>>(
      new RevokeTaxExemption(customerId, body.reason.trim(), context),
    );
    setLogPosition(reply, outcome.position);
    return { id: customerId, changed: outcome.events.length > 0 };
  }

  @Allow('sales', 'accounting')
  @ApiOperation({ summary: 'List or search customers' })
  @ApiAnswer(200, CUSTOMER_ANSWERS.list)
  @Get()
  list(
    @Query() query: ListCustomersDto,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<Page<CustomerListing>> {
    const { q, limit, cursor } = query;
    return this.queries.execute(new ListCustomers(q, { limit, cursor }, minPosition));
  }

  @Allow('sales', 'accounting')
  @ApiOperation({ summary: 'A customer' })
  @ApiAnswer(200, CUSTOMER_ANSWERS.get)
  @Get(':id')
  async get(
    @Param('id', new UuidPipe()) customerId: string,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<CustomerListing> {
    const customer = await this.queries.execute<GetCustomer, CustomerListing | null>(
      new GetCustomer(customerId, minPosition),
    );
    if (!customer) throw new NotFoundException(`customer ${customerId} does not exist`);
    return customer;
  }
}

/** Addresses are compared as the mail system does in practice: without regard to case. */
function normalizeEmail(email: string | null | undefined): string | null | undefined {
  return email && email.trim().toLowerCase();
}
