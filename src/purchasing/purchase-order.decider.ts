import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { type PoLine, receiptLine, units, waitingInOrder } from './purchase-order-line';
import type {
  PurchaseOrderCommandMessage,
  RecordReceipt,
  ReleaseAllocation,
} from './purchase-order.commands';
import {
  evolvePurchaseOrder,
  type OpenPurchaseOrderState,
  type PurchaseOrderState,
} from './purchase-order.evolve';
import type {
  AffectedLine,
  PurchaseOrderEvent,
  PurchaseOrderStatus,
} from './purchase-order.events';

const RECEIVABLE: readonly PurchaseOrderStatus[] = [
  'submitted',
  'acknowledged',
  'partially-received',
];
/** Before the vendor confirms, the store may still ask for fewer units. */
const CHANGEABLE: readonly PurchaseOrderStatus[] = ['draft', 'submitted'];

export const purchaseOrderDecider: Decider<
  PurchaseOrderCommandMessage,
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
    if (state.status === 'none') throw new UnknownEntityError('purchase order', poId);
    switch (command.kind) {
      case 'SubmitPurchaseOrder':
        if (state.status === 'cancelled') {
          throw new BusinessRuleViolation(
            'purchase-order-cancelled',
            `PO ${state.number} was cancelled`,
          );
        }
        if (state.status !== 'draft') return [];
        if (state.lines.filter((l) => !l.cancelled).size === 0) {
          throw new BusinessRuleViolation(
            'purchase-order-needs-lines',
            'a PO without lines cannot be submitted',
          );
        }
        return [{ type: 'PurchaseOrderSubmitted', data: { poId, affected: affected(state) } }];
      case 'AcknowledgePurchaseOrder': {
        for (const { poLineId } of command.etas) line(state, poLineId);
        if (state.status !== 'submitted') {
          const same = command.etas.every(
            ({ poLineId, eta }) => state.lines.get(poLineId)?.eta === eta,
          );
          if (state.status === 'acknowledged' && same) return [];
          throw new BusinessRuleViolation(
            'purchase-order-not-submitted',
            `PO ${state.number} is ${state.status}`,
          );
        }
        return [
          {
            type: 'PurchaseOrderAcknowledged',
            data: {
              poId,
              vendorReference: command.vendorReference,
              etas: command.etas,
              affected: affected(state),
            },
          },
        ];
      }
      case 'RevisePurchaseOrderEta': {
        const revised = line(state, command.poLineId);
        if (!RECEIVABLE.includes(state.status) || revised.cancelled) {
          throw new BusinessRuleViolation(
            'eta-not-revisable',
            `PO ${state.number} is ${state.status}`,
          );
        }
        if (revised.eta === command.eta) return [];
        const { poLineId, eta, source, reason } = command;
        return [
          {
            type: 'PurchaseOrderLineEtaRevised',
            data: {
              poId,
              poLineId,
              previous: revised.eta,
              eta,
              source,
              reason,
              affected: affected(state, poLineId),
            },
          },
        ];
      }
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
      case 'CancelPurchaseOrderLine': {
        const cancelled = line(state, command.poLineId);
        if (cancelled.cancelled) return [];
        if (cancelled.received > 0 || ['received', 'closed', 'cancelled'].includes(state.status)) {
          throw new BusinessRuleViolation(
            'purchase-order-line-received',
            'units of this line already arrived',
          );
        }
        // Offered substitutes count as received only once accepted: cancelling now would orphan them.
        if ([...state.pendingSubstitutions.values()].some((p) => p.poLineId === command.poLineId)) {
          throw new BusinessRuleViolation(
            'substitution-pending',
            'customers have not decided on substitutes offered for this line yet',
          );
        }
        return [
          {
            type: 'PurchaseOrderLineCancelled',
            data: {
              poId,
              poLineId: command.poLineId,
              poNumber: state.number,
              reason: command.reason,
              affected: waiting(state, command.poLineId),
            },
          },
        ];
      }
      case 'CancelPurchaseOrder':
        if (state.status === 'cancelled') return [];
        if (
          state.receipts.size > 0 ||
          !['draft', 'submitted', 'acknowledged'].includes(state.status)
        ) {
          throw new BusinessRuleViolation(
            'purchase-order-received',
            'units of this PO already arrived; cancel its open lines instead',
          );
        }
        return [
          {
            type: 'PurchaseOrderCancelled',
            data: {
              poId,
              poNumber: state.number,
              reason: command.reason,
              affected: waiting(state),
            },
          },
        ];
      case 'ClosePurchaseOrder':
        if (state.status === 'closed') return [];
        if (!['received', 'partially-received'].includes(state.status)) {
          throw new BusinessRuleViolation(
            'purchase-order-not-received',
            'only a PO that received goods can be closed; cancel it instead',
          );
        }
        if (state.pendingSubstitutions.size > 0) {
          throw new BusinessRuleViolation(
            'substitution-pending',
            'customers have not decided on offered substitutes yet',
          );
        }
        return [
          {
            type: 'PurchaseOrderClosed',
            data: {
              poId,
              poNumber: state.number,
              reason: command.reason,
              affected: waiting(state),
            },
          },
        ];
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

function line(state: OpenPurchaseOrderState, poLineId: string): PoLine {
  const found = state.lines.get(poLineId);
  if (!found) throw new UnknownEntityError('purchase order line', `${state.poId}/${poLineId}`);
  return found;
}

/** Every customer line on the PO (or on one of its lines). */
function affected(state: OpenPurchaseOrderState, poLineId?: string): AffectedLine[] {
  return [...state.lines.values()]
    .filter((l) => !poLineId || l.poLineId === poLineId)
    .flatMap((l) =>
      [...l.allocations.values()].map((a) => ({
        backorderId: a.backorderId,
        lineId: a.lineId,
        poLineId: l.poLineId,
        allocationId: a.allocationId,
      })),
    );
}

/** Customer lines still waiting for units, with how many: what a cancellation or a short close leaves unsupplied. */
function waiting(state: OpenPurchaseOrderState, poLineId?: string) {
  return [...state.lines.values()]
    .filter((l) => !l.cancelled && (!poLineId || l.poLineId === poLineId))
    .flatMap((l) =>
      [...l.allocations.values()]
        .filter((a) => a.outstanding > 0)
        .map((a) => ({
          backorderId: a.backorderId,
          lineId: a.lineId,
          poLineId: l.poLineId,
          allocationId: a.allocationId,
          quantity: a.outstanding,
        })),
    );
}

function statusAfter(state: OpenPurchaseOrderState): PurchaseOrderStatus {
  const open = [...state.lines.values()].filter((l) => !l.cancelled);
  return open.every((l) => l.received >= l.quantity) ? 'received' : 'partially-received';
}
