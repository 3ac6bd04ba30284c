import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type {
  AcknowledgePurchaseOrder,
  CancelPurchaseOrder,
  CancelPurchaseOrderLine,
  ClosePurchaseOrder,
  RevisePurchaseOrderEta,
  SubmitPurchaseOrder,
} from './purchase-order.commands';
import { evolvePurchaseOrder, type PurchaseOrderState } from './purchase-order.evolve';
import type { PurchaseOrderEvent } from './purchase-order.events';
import { affected, line, RECEIVABLE, waiting } from './purchase-order-rules';

export type PurchaseOrderLifecycleCommand =
  | SubmitPurchaseOrder
  | AcknowledgePurchaseOrder
  | RevisePurchaseOrderEta
  | CancelPurchaseOrderLine
  | CancelPurchaseOrder
  | ClosePurchaseOrder;

/** A PO's life with its vendor: submitted, acknowledged with ETAs, revised, cancelled, closed. */
export const purchaseOrderLifecycleDecider: Decider<
  PurchaseOrderLifecycleCommand,
  PurchaseOrderEvent,
  PurchaseOrderState
> = {
  initialState: { status: 'none' },
  evolve: evolvePurchaseOrder,

  decide(command, state) {
    const poId = command.poId;
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
