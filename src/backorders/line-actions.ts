import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReserveStock } from '../inventory/stock.commands';
import { ReleaseAllocation } from '../purchasing/purchase-order.commands';
import { PurchaseOrderSnapshots } from '../purchasing/purchase-order-snapshots';
import type { PurchaseOrderEvent } from '../purchasing/purchase-order.events';
import type { CommandContext } from '../shared/commands/command-context';
import type { CommandOutcome } from '../shared/commands/decider-executor';
import { StreamStates } from '../shared/commands/stream-states';
import { entityId } from '../shared/commands/entity-id';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { type LineState, planRelease, unsupplied } from './backorder-line';
import { ChangeLine, LinkLineToStock } from './backorder.commands';
import { backorderDecider, type OpenBackorder } from './backorder.decider';
import type { BackorderEvent, Disposition } from './backorder.events';

export interface LineChange {
  readonly quantity: number;
  readonly cancel: boolean;
  readonly reason: string;
  readonly disposition: Disposition | null;
}

type Outcome = CommandOutcome<BackorderEvent>;

/**
 * Staff actions on a customer line that involve another aggregate. The aggregate that holds the
 * constraint acts first (the stock for a link, the POs for a cancellation), then the line records
 * the outcome. Every step is checked by its decider before any is taken, so a refused rule
 * changes nothing; each step is idempotent, so a retried request finishes what a crash cut short.
 */
@Injectable()
export class LineActions {
  constructor(
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
    private readonly purchaseOrders: PurchaseOrderSnapshots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Backorder Link: hold units already in stock for the line instead of ordering them. */
  async linkToStock(
    backorderId: string,
    lineId: string,
    quantity: number | undefined,
    context: CommandContext,
  ): Promise<Outcome> {
    const { order, line } = await this.line(backorderId, lineId);
    const units = quantity ?? unsupplied(line);
    if (units <= 0)
      throw new BusinessRuleViolation(
        'line-needs-no-stock',
        'every unit of this line is already supplied',
      );
    const operationId = entityId(context, `stock-link:${backorderId}:${lineId}`);
    const held = line.reserved + units;
    const link = new LinkLineToStock(backorderId, lineId, held, operationId, context);
    backorderDecider.decide(link, order);
    const reservation = { backorderId, lineId, quantity: held };
    await this.commands.execute(
      new ReserveStock(line.product.productId, operationId, reservation, 'backorder-link', context),
    );
    return this.commands.execute<LinkLineToStock, Outcome>(link);
  }

  /** A new quantity or a cancellation; what the line lets go of follows the disposition. */
  async change(
    backorderId: string,
    lineId: string,
    change: LineChange,
    context: CommandContext,
  ): Promise<Outcome> {
    const { order, line } = await this.line(backorderId, lineId);
    const target = change.cancel ? 0 : change.quantity;
    const dryRun = new ChangeLine(backorderId, lineId, { ...change, handedOver: 0 }, context);
    if (backorderDecider.decide(dryRun, order).length === 0)
      return this.commands.execute<ChangeLine, Outcome>(dryRun);
    const releases = target < line.quantity ? this.releases(line, target, change, context) : [];
    for (const release of releases) await this.purchaseOrders.assertAccepts(release);
    let handedOver = 0;
    for (const release of releases) {
      const outcome = await this.commands.execute<
        ReleaseAllocation,
        CommandOutcome<PurchaseOrderEvent>
      >(release);
      for (const event of outcome.events) {
        if (event.type === 'PurchaseOrderAllocationTransferred') handedOver += event.data.quantity;
      }
    }
    return this.commands.execute<ChangeLine, Outcome>(
      new ChangeLine(backorderId, lineId, { ...change, handedOver }, context),
    );
  }

  /**
   * What each PO must let go of, as the line's plan says: units on order it no longer takes, and
   * held units that arrived on the PO (handed to the next customer or given back to stock).
   */
  private releases(
    line: LineState,
    target: number,
    change: LineChange,
    context: CommandContext,
  ): ReleaseAllocation[] {
    const plan = planRelease(line, target);
    const onOrder = new Map(plan.purchaseOrderUnits.map((u) => [u.allocationId, u.quantity]));
    const held = new Map(plan.heldUnits.map((u) => [u.allocationId, u.quantity]));
    return [...new Set([...onOrder.keys(), ...held.keys()])].map((allocationId) => {
      const { poId } = line.onOrder[allocationId] ?? line.heldFromOrders[allocationId];
      return new ReleaseAllocation(
        poId,
        allocationId,
        {
          quantity: onOrder.get(allocationId) ?? 0,
          held: held.get(allocationId) ?? 0,
          disposition: change.disposition ?? 'keep-as-stock',
          operationId: entityId(context, `release:${allocationId}`),
          order: this.config.store.allocationOrder,
          reason: change.reason,
        },
        context,
      );
    });
  }

  private async line(
    backorderId: string,
    lineId: string,
  ): Promise<{ order: OpenBackorder; line: LineState }> {
    const order = (await this.states.load(backorderDecider, streams.backorder(backorderId))).state;
    if (order.status === 'none') throw new UnknownEntityError('backorder', backorderId);
    const line = order.lines[lineId];
    if (!line) throw new UnknownEntityError('backorder line', `${backorderId}/${lineId}`);
    return { order, line };
  }
}
