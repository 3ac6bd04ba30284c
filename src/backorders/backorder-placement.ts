import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ProductSnapshots } from '../catalog/product-snapshots';
import { CustomerSnapshots } from '../customers/customer-snapshots';
import { StockAvailability } from '../inventory/stock-availability';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { StreamStates } from '../shared/commands/stream-states';
import { entityId } from '../shared/commands/entity-id';
import { formatNumber, SequenceAllocator } from '../shared/commands/sequence-allocator';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { Money } from '../shared/domain/money';
import { streams } from '../shared/eventstore/stream-names';
import { Clock } from '../shared/time/clock';
import { PlaceBackorder } from './backorder.commands';
import { backorderDecider } from './backorder.decider';
import type { BackorderEvent, PlacedLine } from './backorder.events';

export interface BackorderRequest {
  readonly customerId: string;
  readonly salesperson?: string;
  readonly priority?: number;
  readonly notes?: string;
  readonly lines: readonly {
    readonly productId: string;
    readonly quantity: number;
    /** A negotiated price; the catalog's retail price otherwise. */
    readonly unitPrice?: Money;
  }[];
}

export interface PlacedBackorder extends CommandOutcome<BackorderEvent> {
  readonly backorderId: string;
  readonly number: string;
}

/**
 * Turns what the salesperson picked into a backorder: the customer and every product are copied
 * from their own streams (never retyped, never from a read model that may lag), stock on hand
 * of the exact product is looked up so the line is offered for linking rather than ordered, and
 * the order gets its human number.
 */
@Injectable()
export class BackorderPlacement {
  constructor(
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
    private readonly sequences: SequenceAllocator,
    private readonly customers: CustomerSnapshots,
    private readonly products: ProductSnapshots,
    private readonly stock: StockAvailability,
    private readonly clock: Clock,
  ) {}

  async place(request: BackorderRequest, context: CommandContext): Promise<PlacedBackorder> {
    const backorderId = entityId(context, 'backorder');
    const existing = await this.states.load(backorderDecider, streams.backorder(backorderId));
    if (existing.state.status !== 'none') {
      // A retried request (same Idempotency-Key): the order is there already.
      return {
        backorderId,
        number: existing.state.number,
        stream: streams.backorder(backorderId),
        events: [],
        ...existing,
      };
    }
    const customer = await this.customers.registered(request.customerId);
    if (!customer) throw new UnknownEntityError('customer', request.customerId);
    const lines: PlacedLine[] = [];
    for (const [index, requested] of request.lines.entries()) {
      const product = await this.products.snapshot(requested.productId);
      const unitPrice = requested.unitPrice ?? product.retailPrice;
      if (unitPrice.currency !== product.retailPrice.currency) {
        throw new BusinessRuleViolation(
          'currency-mismatch',
          `line ${index + 1} is priced in ${unitPrice.currency}, the product in ${product.retailPrice.currency}`,
        );
      }
      lines.push({
        lineId: `L${index + 1}`,
        product,
        quantity: requested.quantity,
        unitPrice,
        availableInStock: await this.stock.available(product.productId),
      });
    }
    const number = formatNumber('BO', await this.sequences.next('backorder', context));
    const { customerId, name, phone, email } = customer;
    const outcome = await this.commands.execute<PlaceBackorder, CommandOutcome<BackorderEvent>>(
      new PlaceBackorder(
        backorderId,
        number,
        { customerId, name, phone, email },
        request.salesperson ?? context.actor,
        this.clock.now().toISOString(),
        request.priority ?? 0,
        request.notes ?? null,
        lines,
        context,
      ),
    );
    return { ...outcome, backorderId, number };
  }
}
