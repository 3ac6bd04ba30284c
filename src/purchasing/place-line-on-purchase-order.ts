import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordLineOnPurchaseOrder } from '../backorders/backorder.commands';
import { backorderDecider } from '../backorders/backorder.decider';
import type { CommandContext } from '../shared/commands/command-context';
import { DeciderExecutor } from '../shared/commands/decider-executor';
import { stableId } from '../shared/commands/entity-id';
import { formatNumber, SequenceAllocator } from '../shared/commands/sequence-allocator';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { consolidationWindow } from './consolidation-window';
import { AllocateToPurchaseOrder, ReleaseAllocation } from './purchase-order.commands';
import { purchaseOrderDecider } from './purchase-order.decider';
import { vendorDecider } from './vendor.decider';

/**
 * Puts units of a customer line on the vendor's open PO for the line's consolidation window,
 * then records the link on the line. Issued by the placement reactor; every step is idempotent
 * through the allocation id, so a redelivered event finishes the work instead of repeating it.
 */
export class PlaceLineOnPurchaseOrder {
  readonly kind = 'PlaceLineOnPurchaseOrder';

  constructor(
    readonly backorderId: string,
    readonly lineId: string,
    readonly quantity: number,
    readonly allocationId: string,
    readonly orderedAt: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(PlaceLineOnPurchaseOrder)
export class PlaceLineOnPurchaseOrderHandler implements ICommandHandler<PlaceLineOnPurchaseOrder> {
  constructor(
    private readonly executor: DeciderExecutor,
    private readonly sequences: SequenceAllocator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: PlaceLineOnPurchaseOrder): Promise<void> {
    const { backorderId, lineId, quantity, allocationId, orderedAt, context } = command;
    const order = (await this.executor.load(backorderDecider, streams.backorder(backorderId)))
      .state;
    if (order.status === 'none') throw new UnknownEntityError('backorder', backorderId);
    const line = order.lines[lineId];
    if (!line || line.state !== 'open' || quantity <= 0) return;
    const { vendorId } = line.product;
    const vendor = (await this.executor.load(vendorDecider, streams.vendor(vendorId))).state;
    if (vendor.status !== 'registered') throw new UnknownEntityError('vendor', vendorId);
    const windowKey = consolidationWindow(
      vendor.consolidation,
      orderedAt,
      this.config.store.timeZone,
      backorderId,
    );
    const allocation = {
      allocationId,
      backorderId,
      backorderNumber: order.number,
      lineId,
      customerId: order.customer.customerId,
      customerName: order.customer.name,
      quantity,
      priority: order.priority,
      placedAt: order.placedAt,
    };

    // A window's PO that was submitted meanwhile stays as it is: the line goes on the next one.
    for (let generation = 0; ; generation++) {
      const poId = stableId('purchase-order', vendorId, windowKey, String(generation));
      const po = (await this.executor.load(purchaseOrderDecider, streams.purchaseOrder(poId)))
        .state;
      const holds = po.status !== 'none' && po.knownAllocations.has(allocationId);
      if (!holds && po.status !== 'none' && po.status !== 'draft') continue;
      if (!holds) {
        const number =
          po.status === 'none'
            ? formatNumber('PO', await this.sequences.next('purchase-order', context))
            : po.number;
        const opening = {
          number,
          vendorId,
          vendorName: vendor.name,
          consolidation: { policy: vendor.consolidation, windowKey, generation },
        };
        try {
          await this.executor.execute(
            purchaseOrderDecider,
            streams.purchaseOrder(poId),
            new AllocateToPurchaseOrder(
              poId,
              opening,
              stableId(poId, line.product.productId),
              line.product,
              allocation,
              context,
            ),
            context,
          );
        } catch (error) {
          if (error instanceof BusinessRuleViolation && error.rule === 'purchase-order-not-open')
            continue;
          throw error;
        }
      }
      await this.recordOnLine(poId, command);
      return;
    }
  }

  private async recordOnLine(poId: string, command: PlaceLineOnPurchaseOrder): Promise<void> {
    const { backorderId, lineId, quantity, allocationId, context } = command;
    const po = (await this.executor.load(purchaseOrderDecider, streams.purchaseOrder(poId))).state;
    if (po.status === 'none') return;
    const poLineId = po.lineOfAllocation.get(allocationId);
    if (!poLineId) return;
    const order = {
      allocationId,
      poId,
      poNumber: po.number,
      poLineId,
      vendorId: po.vendorId,
      quantity,
    };
    try {
      await this.executor.execute(
        backorderDecider,
        streams.backorder(backorderId),
        new RecordLineOnPurchaseOrder(backorderId, lineId, order, context),
        context,
      );
    } catch (error) {
      if (!(error instanceof BusinessRuleViolation && error.rule === 'line-not-open')) throw error;
      // The customer cancelled while the line was being ordered: the units become stock.
      await this.executor.execute(
        purchaseOrderDecider,
        streams.purchaseOrder(poId),
        new ReleaseAllocation(
          poId,
          allocationId,
          {
            quantity,
            releaseHeld: true,
            disposition: 'keep-as-stock',
            operationId: stableId('release', allocationId),
            order: this.config.store.allocationOrder,
            reason: 'the customer line was cancelled while it was being ordered',
          },
          context,
        ),
        context,
      );
    }
  }
}
