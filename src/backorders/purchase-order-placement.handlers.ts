import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordLineOnPurchaseOrder } from './backorder.commands';
import { backorderDecider, type OpenBackorder } from './backorder.decider';
import { InOneWrite } from '../shared/commands/in-one-write';
import { StreamStates } from '../shared/commands/stream-states';
import { stableId } from '../shared/commands/entity-id';
import { formatNumber, SequenceAllocator } from '../shared/commands/sequence-allocator';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { consolidationWindow } from '../purchasing/consolidation-window';
import { AllocateToPurchaseOrder, ReleaseAllocation } from '../purchasing/purchase-order.commands';
import { PurchaseOrderSnapshots } from '../purchasing/purchase-order-snapshots';
import { PlaceLinesOnPurchaseOrders } from './purchase-order-placement.commands';
import type { LineToPlace } from './purchase-order-placement.commands';
import { type VendorSnapshot, VendorSnapshots } from '../vendors/vendor-snapshots';

interface Placement {
  readonly request: LineToPlace;
  /** Units still to put on a PO: no more than the line asks for now (it may have shrunk). */
  readonly quantity: number;
  readonly order: OpenBackorder;
  readonly vendor: VendorSnapshot;
  readonly windowKey: string;
}

/**
 * Puts units of customer lines on their vendors' open POs for each line's consolidation window,
 * then records the link on each line, by dispatching the aggregates' commands: each PO takes a
 * window's lines in one write. Every step is idempotent through the allocation ids, so a
 * redelivered batch finishes the work instead of repeating it.
 */
@CommandHandler(PlaceLinesOnPurchaseOrders)
export class PlaceLinesOnPurchaseOrdersHandler implements ICommandHandler<PlaceLinesOnPurchaseOrders> {
  constructor(
    private readonly purchaseOrders: PurchaseOrderSnapshots,
    private readonly vendors: VendorSnapshots,
    private readonly states: StreamStates,
    private readonly commands: CommandBus,
    private readonly sequences: SequenceAllocator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ lines }: PlaceLinesOnPurchaseOrders): Promise<void> {
    const placements = (await Promise.all(lines.map((line) => this.resolve(line)))).filter(
      (p): p is Placement => p !== null,
    );
    const windows = new Map<string, Placement[]>();
    for (const placement of placements) {
      const key = `${placement.vendor.vendorId}\n${placement.windowKey}`;
      windows.set(key, [...(windows.get(key) ?? []), placement]);
    }
    const placed = new Map<string, string>();
    for (const group of windows.values()) {
      for (const [allocationId, poId] of await this.allocate(group)) placed.set(allocationId, poId);
    }
    const byOrder = new Map<string, Placement[]>();
    for (const placement of placements) {
      const key = placement.request.backorderId;
      byOrder.set(key, [...(byOrder.get(key) ?? []), placement]);
    }
    await Promise.all([...byOrder.values()].map((group) => this.recordOnLines(group, placed)));
  }

  private async resolve(request: LineToPlace): Promise<Placement | null> {
    const order = (await this.states.load(backorderDecider, streams.backorder(request.backorderId)))
      .state;
    if (order.status === 'none') throw new UnknownEntityError('backorder', request.backorderId);
    const line = order.lines[request.lineId];
    if (!line || line.state !== 'open') return null;
    const { vendorId } = line.product;
    const vendor = await this.vendors.registered(vendorId);
    if (!vendor) throw new UnknownEntityError('vendor', vendorId);
    const windowKey = consolidationWindow(
      vendor.consolidation,
      request.orderedAt,
      this.config.store.timeZone,
      order.backorderId,
    );
    return {
      request,
      quantity: Math.min(request.quantity, line.toOrder),
      order,
      vendor,
      windowKey,
    };
  }

  /**
   * Allocates one window's lines on its open PO. A window's POs are numbered by generation and
   * only the last can still be a draft: a line already placed (a redelivery) is found on its PO,
   * a new one goes on the draft, or on a new PO when the draft was submitted meanwhile.
   * Returns allocation id -> PO id.
   */
  private async allocate(group: readonly Placement[]): Promise<Map<string, string>> {
    const { vendor, windowKey } = group[0];
    const placed = new Map<string, string>();
    let unseen = [...group];
    for (let generation = 0; ; generation++) {
      const poId = stableId('purchase-order', vendor.vendorId, windowKey, String(generation));
      const po = await this.purchaseOrders.snapshot(poId);
      if (po) {
        for (const p of unseen)
          if (po.knownAllocations.has(p.request.allocationId))
            placed.set(p.request.allocationId, poId);
        unseen = unseen.filter((p) => !placed.has(p.request.allocationId));
        if (po.status !== 'draft') continue;
      }
      const toPlace = unseen.filter((p) => p.quantity > 0);
      if (toPlace.length === 0) return placed;
      const number =
        po === null
          ? formatNumber(
              'PO',
              await this.sequences.next('purchase-order', toPlace[0].request.context),
            )
          : po.number;
      const opening = {
        number,
        vendorId: vendor.vendorId,
        vendorName: vendor.name,
        consolidation: { policy: vendor.consolidation, windowKey, generation },
      };
      const commands = toPlace.map(({ request, order, quantity }) => {
        const line = order.lines[request.lineId];
        const allocation = {
          allocationId: request.allocationId,
          backorderId: order.backorderId,
          backorderNumber: order.number,
          lineId: request.lineId,
          customerId: order.customer.customerId,
          customerName: order.customer.name,
          quantity,
          priority: order.priority,
          placedAt: order.placedAt,
        };
        // A product whose line on this PO was cancelled gets a new line, not the cancelled one's id.
        const cancelled =
          po === null
            ? 0
            : [...po.lines.values()].filter(
                (l) => l.cancelled && l.product.productId === line.product.productId,
              ).length;
        const command = new AllocateToPurchaseOrder(
          poId,
          opening,
          stableId(poId, line.product.productId, String(cancelled)),
          line.product,
          allocation,
          request.context,
        );
        return command;
      });
      try {
        await this.commands.execute(new InOneWrite(commands));
      } catch (error) {
        // Submitted meanwhile: the next generation takes the lines.
        if (error instanceof BusinessRuleViolation && error.rule === 'purchase-order-not-open')
          continue;
        throw error;
      }
      for (const p of toPlace) placed.set(p.request.allocationId, poId);
      return placed;
    }
  }

  private async recordOnLines(
    group: readonly Placement[],
    placed: ReadonlyMap<string, string>,
  ): Promise<void> {
    const links = [];
    for (const { request } of group) {
      const poId = placed.get(request.allocationId);
      const po = poId ? await this.purchaseOrders.snapshot(poId) : null;
      const poLineId = po?.lineOfAllocation.get(request.allocationId);
      const allocated = poLineId
        ? po?.lines.get(poLineId)?.allocations.get(request.allocationId)
        : undefined;
      if (!po || !poId || !poLineId || !allocated) continue;
      const order = {
        allocationId: request.allocationId,
        poId,
        poNumber: po.number,
        poLineId,
        vendorId: po.vendorId,
        quantity: allocated.quantity,
      };
      links.push(
        new RecordLineOnPurchaseOrder(request.backorderId, request.lineId, order, request.context),
      );
    }
    if (links.length === 0) return;
    try {
      await this.commands.execute(new InOneWrite(links));
    } catch (error) {
      if (!(error instanceof BusinessRuleViolation && error.rule === 'line-not-open')) throw error;
      // A customer cancelled a line while it was being ordered: its units become stock.
      for (const link of links) await this.recordOne(link);
    }
  }

  private async recordOne(command: RecordLineOnPurchaseOrder): Promise<void> {
    try {
      await this.commands.execute(command);
    } catch (error) {
      if (!(error instanceof BusinessRuleViolation && error.rule === 'line-not-open')) throw error;
      const { poId, allocationId, quantity } = command.order;
      const release = {
        quantity,
        held: 0,
        disposition: 'keep-as-stock' as const,
        operationId: stableId('release', allocationId),
        order: this.config.store.allocationOrder,
        reason: 'the customer line was cancelled while it was being ordered',
      };
      await this.commands.execute(
        new ReleaseAllocation(poId, allocationId, release, command.context),
      );
    }
  }
}
