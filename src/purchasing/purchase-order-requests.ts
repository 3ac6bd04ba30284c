import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ProductSnapshots } from '../catalog/product-snapshots';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { StreamStates } from '../shared/commands/stream-states';
import { entityId, stableId } from '../shared/commands/entity-id';
import { formatNumber, SequenceAllocator } from '../shared/commands/sequence-allocator';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { OpenPurchaseOrder, RecordReceipt, type ReceivedLine } from './purchase-order.commands';
import { purchaseOrderDecider } from './purchase-order.decider';
import type { PurchaseOrderEvent } from './purchase-order.events';
import { VendorSnapshots } from '../vendors/vendor-snapshots';

type Outcome = CommandOutcome<PurchaseOrderEvent>;

/** Purchasing requests that copy product data from the catalog's streams into the PO. */
@Injectable()
export class PurchaseOrderRequests {
  constructor(
    private readonly vendors: VendorSnapshots,
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
    private readonly sequences: SequenceAllocator,
    private readonly products: ProductSnapshots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A PO made by hand, for stock: the vendor's products, copied. */
  async open(
    vendorId: string,
    lines: readonly { readonly productId: string; readonly quantity: number }[],
    context: CommandContext,
  ): Promise<Outcome & { poId: string; number: string }> {
    const poId = entityId(context, 'purchase-order');
    const existing = (await this.states.load(purchaseOrderDecider, streams.purchaseOrder(poId)))
      .state;
    if (existing.status !== 'none') {
      return {
        poId,
        number: existing.number,
        stream: streams.purchaseOrder(poId),
        events: [],
        revision: null,
        position: null,
      };
    }
    const vendor = await this.vendors.registered(vendorId);
    if (!vendor) throw new UnknownEntityError('vendor', vendorId);
    const poLines = [];
    for (const line of lines) {
      const product = await this.products.snapshot(line.productId);
      if (product.vendorId !== vendorId) {
        throw new BusinessRuleViolation(
          'product-of-another-vendor',
          `${product.name} is sold by ${product.vendorName}`,
        );
      }
      poLines.push({
        poLineId: stableId(poId, product.productId),
        product,
        quantity: line.quantity,
        unitCost: product.cost,
      });
    }
    if (new Set(poLines.map((l) => l.poLineId)).size !== poLines.length) {
      throw new BusinessRuleViolation(
        'product-repeated',
        'a product appears twice; give it one line',
      );
    }
    const number = formatNumber('PO', await this.sequences.next('purchase-order', context));
    const outcome = await this.commands.execute<OpenPurchaseOrder, Outcome>(
      new OpenPurchaseOrder(poId, { number, vendorId, vendorName: vendor.name }, poLines, context),
    );
    return { ...outcome, poId, number };
  }

  /** What arrived in the vendor's box; substitutes are named by catalog product. */
  async receive(
    poId: string,
    lines: readonly {
      readonly poLineId: string;
      readonly quantity: number;
      readonly substitute?: { readonly productId: string; readonly quantity: number };
    }[],
    context: CommandContext,
  ): Promise<Outcome & { receiptId: string }> {
    const receiptId = entityId(context, 'receipt');
    const received: ReceivedLine[] = [];
    for (const line of lines) {
      const substitution = line.substitute
        ? {
            product: await this.products.snapshot(line.substitute.productId),
            quantity: line.substitute.quantity,
          }
        : null;
      received.push({ poLineId: line.poLineId, quantity: line.quantity, substitution });
    }
    const outcome = await this.commands.execute<RecordReceipt, Outcome>(
      new RecordReceipt(poId, receiptId, received, this.config.store.allocationOrder, context),
    );
    return { ...outcome, receiptId };
  }
}
