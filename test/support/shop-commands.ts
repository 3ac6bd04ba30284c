import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  BackorderPlacement,
  type BackorderRequest,
} from '../../src/backorders/backorder-placement';
import { DecideSubstitution, FulfilLine } from '../../src/backorders/backorder.commands';
import { LineActions, type LineChange } from '../../src/backorders/line-actions';
import { productIdOf } from '../../src/catalog/product-id';
import { ListProduct } from '../../src/catalog/product.commands';
import { RegisterCustomer } from '../../src/customers/customer.commands';
import { AdjustStock } from '../../src/inventory/stock.commands';
import {
  AcknowledgePurchaseOrder,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from '../../src/purchasing/purchase-order.commands';
import { PurchaseOrderRequests } from '../../src/purchasing/purchase-order-requests';
import { RegisterVendor } from '../../src/vendors/vendor.commands';
import type { ConsolidationPolicy } from '../../src/vendors/vendor.events';
import type { CommandContext } from '../../src/shared/commands/command-context';
import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { money } from '../../src/shared/domain/money';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { EVENT_STORE, type EventStore } from '../../src/shared/eventstore/event-store.port';
import { collect } from './events';

/**
 * Shop work issued the way the controllers issue it (CommandBus and the request services), with
 * no HTTP in between: stories for tests that are about the log and its consumers, not the API.
 */
export class ShopCommands {
  private readonly commands: CommandBus;

  constructor(private readonly app: INestApplication) {
    this.commands = app.get(CommandBus);
  }

  get events(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  /** Waits until reactors and projections have processed the whole log; fails after 10 s. */
  async settle(): Promise<void> {
    if (!(await this.app.get(ConsumersSettled).wait(10_000)))
      throw new Error('consumers did not settle within 10 s');
  }

  async registerVendor(name: string, consolidation: ConsolidationPolicy): Promise<string> {
    const vendorId = randomUUID();
    const profile = { name, leadTimeDays: 21, consolidation, email: null, phone: null };
    await this.commands.execute(new RegisterVendor(vendorId, profile, context('paul')));
    return vendorId;
  }

  async listProduct(vendorId: string, vendorSku: string, name: string): Promise<string> {
    const productId = productIdOf(vendorId, vendorSku);
    const details = {
      vendorId,
      vendorSku,
      name,
      collection: 'Heritage',
      design: null,
      color: 'Navy',
      size: '8x10',
      material: 'Wool',
      images: [],
      dimensions: null,
    };
    await this.commands.execute(
      new ListProduct(
        productId,
        details,
        money(40_000, 'USD'),
        money(99_900, 'USD'),
        context('paul'),
      ),
    );
    return productId;
  }

  async registerCustomer(name: string, email: string | null, phone: string | null) {
    const customerId = randomUUID();
    await this.commands.execute(
      new RegisterCustomer(customerId, { name, email, phone }, context('maria')),
    );
    return customerId;
  }

  async adjustStock(productId: string, delta: number, reason: string): Promise<void> {
    await this.commands.execute(
      new AdjustStock(productId, randomUUID(), delta, reason, context('rick')),
    );
  }

  async placeBackorder(request: BackorderRequest): Promise<string> {
    return (await this.app.get(BackorderPlacement).place(request, context('maria'))).backorderId;
  }

  async linkToStock(backorderId: string, lineId: string): Promise<void> {
    await this.app.get(LineActions).linkToStock(backorderId, lineId, undefined, context('maria'));
  }

  async changeLine(backorderId: string, lineId: string, change: LineChange): Promise<void> {
    await this.app.get(LineActions).change(backorderId, lineId, change, context('maria'));
  }

  async submit(poId: string): Promise<void> {
    await this.commands.execute(new SubmitPurchaseOrder(poId, context('paul')));
  }

  async acknowledge(poId: string, etas: { poLineId: string; eta: string }[]): Promise<void> {
    await this.commands.execute(
      new AcknowledgePurchaseOrder(poId, 'SO-88412', etas, context('paul')),
    );
  }

  async reviseEta(poId: string, poLineId: string, eta: string, reason: string): Promise<void> {
    await this.commands.execute(
      new RevisePurchaseOrderEta(poId, poLineId, eta, 'vendor', reason, context('paul')),
    );
  }

  async receive(
    poId: string,
    lines: {
      poLineId: string;
      quantity: number;
      substitute?: { productId: string; quantity: number };
    }[],
  ): Promise<void> {
    await this.app.get(PurchaseOrderRequests).receive(poId, lines, context('rick'));
  }

  async decideSubstitution(backorderId: string, lineId: string, accept: boolean): Promise<void> {
    await this.commands.execute(
      new DecideSubstitution(
        backorderId,
        lineId,
        accept,
        accept ? 'accept' : 'reject',
        context('maria'),
      ),
    );
  }

  async fulfil(backorderId: string, lineId: string): Promise<void> {
    await this.commands.execute(new FulfilLine(backorderId, lineId, 'pickup', context('maria')));
  }

  /** Every event in the log, oldest first: ids the story needs are read from the log itself. */
  async log(): Promise<RecordedEvent[]> {
    return collect(this.events.readAll());
  }

  /** The vendor's purchase orders and each one's line per product, as the log records them. */
  async purchaseOrdersOf(
    vendorId: string,
  ): Promise<{ poId: string; lines: Map<string, string> }[]> {
    const orders = new Map<string, Map<string, string>>();
    for (const event of await this.log()) {
      const data = event.data as { poId?: string; vendorId?: string };
      if (event.type === 'PurchaseOrderOpened' && data.vendorId === vendorId)
        orders.set(data.poId!, new Map());
      if (event.type === 'PurchaseOrderLineAdded' && orders.has(data.poId!)) {
        const added = event.data as { poLineId: string; product: { productId: string } };
        orders.get(data.poId!)!.set(added.product.productId, added.poLineId);
      }
    }
    return [...orders].map(([poId, lines]) => ({ poId, lines }));
  }
}

function context(actor: string): CommandContext {
  return { actor, correlationId: randomUUID(), causationId: randomUUID() };
}
