import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { AllocateToPurchaseOrder, OpenPurchaseOrder } from './purchase-order.commands';
import { evolvePurchaseOrder, type PurchaseOrderState } from './purchase-order.evolve';
import type { PurchaseOrderEvent } from './purchase-order.events';

export type PurchaseOrderLinesCommand = OpenPurchaseOrder | AllocateToPurchaseOrder;

/**
 * A PO and its lines: opened by staff with its lines, or by placement one allocation at a time
 * (a customer line's units on the line of its product, added when the PO has none).
 */
export const purchaseOrderLinesDecider: Decider<
  PurchaseOrderLinesCommand,
  PurchaseOrderEvent,
  PurchaseOrderState
> = {
  initialState: { status: 'none' },
  evolve: evolvePurchaseOrder,

  decide(command, state) {
    const poId = command.poId;
    if (command.kind === 'OpenPurchaseOrder') {
      if (state.status !== 'none') return [];
      if (command.lines.length === 0)
        throw new BusinessRuleViolation('purchase-order-needs-lines', 'a PO has at least one line');
      return [
        { type: 'PurchaseOrderOpened', data: { poId, ...command.opening, consolidation: null } },
        ...command.lines.map((line) => ({
          type: 'PurchaseOrderLineAdded' as const,
          data: { poId, ...line },
        })),
      ];
    }
    if (command.kind === 'AllocateToPurchaseOrder') {
      const { allocation, product, newLineId } = command;
      if (state.status !== 'none' && state.knownAllocations.has(allocation.allocationId)) return [];
      if (state.status !== 'none' && state.status !== 'draft') {
        throw new BusinessRuleViolation(
          'purchase-order-not-open',
          `PO ${state.number} is ${state.status}`,
        );
      }
      const events: PurchaseOrderEvent[] =
        state.status === 'none'
          ? [{ type: 'PurchaseOrderOpened', data: { poId, ...command.opening } }]
          : [];
      const existing =
        state.status === 'none'
          ? undefined
          : state.lines.get(state.lineByProduct.get(product.productId) ?? '');
      const poLineId = existing && !existing.cancelled ? existing.poLineId : newLineId;
      if (existing && !existing.cancelled) {
        events.push({
          type: 'PurchaseOrderLineQuantityChanged',
          data: {
            poId,
            poLineId,
            from: existing.quantity,
            to: existing.quantity + allocation.quantity,
            reason: `for ${allocation.backorderNumber}`,
          },
        });
      } else {
        events.push({
          type: 'PurchaseOrderLineAdded',
          data: { poId, poLineId, product, quantity: allocation.quantity, unitCost: product.cost },
        });
      }
      const poNumber = state.status === 'none' ? command.opening.number : state.number;
      events.push({
        type: 'PurchaseOrderLineAllocated',
        data: { poId, poLineId, poNumber, allocation },
      });
      return events;
    }
    const unknown: never = command;
    return unknown;
  },
};
