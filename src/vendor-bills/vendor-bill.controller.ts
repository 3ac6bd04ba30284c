import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import type { FastifyReply } from 'fastify';
import type { VendorBillListing } from '../../projections/vendor-bills/vendor-bills.projection';
import { Allow } from '../auth/access.decorators';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { stableId } from '../shared/commands/stable-id';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import type { Position } from '../shared/eventstore/event-envelope';
import { invalidFields } from '../shared/http/invalid-fields';
import { MinLogPosition, setLogPosition } from '../shared/http/log-position';
import { RequestContext } from '../shared/http/request-context.decorator';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { RecordVendorBill } from './vendor-bill.commands';
import { RecordVendorBillDto } from './vendor-bill.dto';
import type { VendorBillEvent } from './vendor-bill.events';
import { ListVendorBills } from './vendor-bill.queries';

const uuid = new UuidPipe();

const BILL_EXAMPLE = {
  id: '3f2e…',
  poId: '8a7b…',
  poNumber: 'PO-000042',
  vendorId: '1c2d…',
  vendorInvoiceNumber: 'INV-88412',
  billedOn: '2026-10-03',
  lines: [
    {
      poLineId: 'PL1',
      productId: '7c1e…',
      quantity: 2,
      poUnitCost: { amount: 120000, currency: 'USD' },
      billedUnitCost: { amount: 126000, currency: 'USD' },
      variance: { amount: 12000, currency: 'USD' },
    },
  ],
  total: { amount: 252000, currency: 'USD' },
  priceVariance: { amount: 12000, currency: 'USD' },
  recordedBy: 'alice',
  recordedAt: '2026-10-04T09:12:00.000Z',
};

/** The vendor's invoices against a PO: what was billed, and how far it is from the PO cost. */
@ApiTags('vendor-bills')
@ApiBearerAuth()
@Allow('accounting')
@Controller('purchase-orders/:id/vendor-bills')
export class VendorBillController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'Record a vendor’s bill for a purchase order' })
  @Post()
  @HttpCode(201)
  @ApiAnswer(201, { id: '3f2e…', poId: '8a7b…', changed: true })
  async record(
    @Param('id', uuid) poId: string,
    @Body() body: RecordVendorBillDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; poId: string; changed: boolean }> {
    const currency = this.config.store.currency;
    body.lines.forEach((line, i) => {
      if (line.unitCost.currency !== currency)
        throw invalidFields({
          [`lines.${i}.unitCost.currency`]: `currency must be the store's currency, ${currency}`,
        });
    });
    const vendorInvoiceNumber = body.vendorInvoiceNumber.trim();
    // One vendor invoice is one bill: recording it again addresses the same bill.
    const billId = stableId('vendor-bill', poId, vendorInvoiceNumber);
    const outcome = await this.commands.execute<RecordVendorBill, CommandOutcome<VendorBillEvent>>(
      new RecordVendorBill(
        billId,
        poId,
        vendorInvoiceNumber,
        body.billedOn,
        body.lines.map((l) => ({
          poLineId: l.poLineId,
          quantity: l.quantity,
          unitCost: { ...l.unitCost },
        })),
        context,
      ),
    );
    setLogPosition(reply, outcome.position);
    void reply.header('location', `/purchase-orders/${poId}/vendor-bills`);
    return { id: billId, poId, changed: outcome.events.length > 0 };
  }

  @Allow('accounting', 'purchasing')
  @ApiOperation({ summary: 'The vendor bills of a purchase order' })
  @Get()
  @ApiAnswer(200, [BILL_EXAMPLE])
  list(
    @Param('id', uuid) poId: string,
    @MinLogPosition() minPosition: Position | null,
  ): Promise<VendorBillListing[]> {
    return this.queries.execute(new ListVendorBills(poId, minPosition));
  }
}
