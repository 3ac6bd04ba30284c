import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { receiptLine, units, waitingInOrder } from './purchase-order-line';
import type {
  RecordReceipt,
  ReleaseAllocation,
  ResolveSubstitution,
} from './purchase-order.commands';
import {
  evolvePurchaseOrder,
  type OpenPurchaseOrderState,
  type PurchaseOrderState,
} from './purchase-order.evolve';
import type { PurchaseOrderEvent } from './purchase-order.events';
import { CHANGEABLE, line, RECEIVABLE, statusAfter } from './purchase-order-rules';

export type PurchaseOrderReceivingCommand = RecordReceipt | ResolveSubstitution | ReleaseAllocation;

/**
 * Units arriving and leaving allocations: receipts set units aside for the waiting customers,
 * substitutes are resolved, and a customer line lets go of its units (to the vendor, to stock
 * or to the next customer).
 */
export const purchaseOrderReceivingDecider: Decider<
  PurchaseOrderReceivingCommand,
  PurchaseOrderEvent,
  PurchaseOrderState
> = {
  initialState: { status: 'none' },
  evolve: evolvePurchaseOrder,

  decide(command, state) {
    const poId = command.poId;
    if (state.status === 'none') throw new UnknownEntityError('purchase order', poId);
    switch (command.kind) {
      case 'RecordReceipt':
        return receive(state, command);
      case 'ResolveSubstitution': {
        const key = `${command.receiptId}:${command.allocationId}`;
        const pending = state.pendingSubstitutions.get(key);
        if (!pending) return [];
        const allocation = line(state, pending.poLineId).allocations.get(command.allocationId)!;
        const event: PurchaseOrderEvent = {
          type: 'PurchaseOrderSubstitutionResolved',
          data: {
            poId,
            receiptId: command.receiptId,
            poLineId: pending.poLineId,
            allocationId: command.allocationId,
            backorderId: allocation.backorderId,
            lineId: allocation.lineId,
            quantity: pending.quantity,
            accepted: command.accepted,
            status: state.status,
          },
        };
        return [
          {
            ...event,
            data: {
              ...event.data,
              status: statusAfter(evolvePurchaseOrder(state, event) as OpenPurchaseOrderState),
            },
          },
        ];
      }
      case 'ReleaseAllocation':
        return release(state, command);
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};

function receive(state: OpenPurchaseOrderState, command: RecordReceipt): PurchaseOrderEvent[] {
  if (state.receipts.has(command.receiptId)) return [];
  if (!RECEIVABLE.includes(state.status)) {
    throw new BusinessRuleViolation(
      'purchase-order-not-receivable',
      `PO ${state.number} is ${state.status}`,
    );
  }
  if (command.lines.reduce((n, l) => n + l.quantity + (l.substitution?.quantity ?? 0), 0) === 0) {
    throw new BusinessRuleViolation('receipt-empty', 'a receipt records at least one unit');
  }
  if (new Set(command.lines.map((l) => l.poLineId)).size !== command.lines.length) {
    throw new BusinessRuleViolation(
      'receipt-line-repeated',
      'a PO line appears twice in the receipt',
    );
  }
  const lines = command.lines.map((received) => {
    const ordered = line(state, received.poLineId);
    if (ordered.cancelled)
      throw new BusinessRuleViolation(
        'purchase-order-line-cancelled',
        `line ${ordered.poLineId} was cancelled`,
      );
    return receiptLine(ordered, received.quantity, received.substitution, command.order);
  });
  const event: PurchaseOrderEvent = {
    type: 'PurchaseOrderReceiptRecorded',
    data: {
      poId: state.poId,
      receiptId: command.receiptId,
      poNumber: state.number,
      vendorId: state.vendorId,
      vendorName: state.vendorName,
      lines,
      status: state.status,
    },
  };
  return [
    {
      ...event,
      data: {
        ...event.data,
        status: statusAfter(evolvePurchaseOrder(state, event) as OpenPurchaseOrderState),
      },
    },
  ];
}

function release(state: OpenPurchaseOrderState, command: ReleaseAllocation): PurchaseOrderEvent[] {
  const poLineId = state.lineOfAllocation.get(command.allocationId);
  const allocation = poLineId
    ? state.lines.get(poLineId)?.allocations.get(command.allocationId)
    : undefined;
  if (!poLineId || !allocation || state.releases.has(command.release.operationId)) return [];
  const { disposition, reason, order, operationId } = command.release;
  const quantity = Math.min(command.release.quantity, allocation.outstanding);
  const base = {
    poId: state.poId,
    poLineId,
    allocationId: allocation.allocationId,
    backorderId: allocation.backorderId,
    lineId: allocation.lineId,
  };
  const events: PurchaseOrderEvent[] = [];
  let held = Math.min(command.release.held, allocation.setAside);
  if (disposition === 'give-to-next-customer' && held > 0) {
    const next = waitingInOrder(line(state, poLineId), order).find(
      (a) => a.allocationId !== allocation.allocationId,
    );
    if (next) {
      const moved = Math.min(held, next.outstanding - next.offered);
      events.push({
        type: 'PurchaseOrderAllocationTransferred',
        data: {
          poId: state.poId,
          transferId: operationId,
          poLineId,
          productId: line(state, poLineId).product.productId,
          from: {
            allocationId: allocation.allocationId,
            backorderId: allocation.backorderId,
            lineId: allocation.lineId,
          },
          to: units(next, moved),
          quantity: moved,
          units: 'set-aside',
          reason,
        },
      });
      held -= moved;
    }
  }
  const cancelOnPo = disposition === 'cancel-po-line' && quantity > 0;
  if (cancelOnPo && !CHANGEABLE.includes(state.status)) {
    throw new BusinessRuleViolation(
      'purchase-order-confirmed',
      `the vendor has confirmed PO ${state.number}; keep the units as stock or give them to the next customer`,
    );
  }
  if (quantity > 0 || held > 0) {
    events.push({
      type: 'PurchaseOrderAllocationReleased',
      data: {
        ...base,
        operationId,
        quantity,
        heldReleased: held,
        disposition: cancelOnPo ? 'cancel-po-line' : 'keep-as-stock',
        reason,
      },
    });
  }
  if (cancelOnPo) {
    const ordered = line(state, poLineId);
    events.push({
      type: 'PurchaseOrderLineQuantityChanged',
      data: {
        poId: state.poId,
        poLineId,
        from: ordered.quantity,
        to: ordered.quantity - quantity,
        reason,
      },
    });
  }
  return events;
}
