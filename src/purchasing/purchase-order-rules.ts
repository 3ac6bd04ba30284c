import { UnknownEntityError } from '../shared/domain/domain-errors';
import type { PoLine } from './purchase-order-line';
import type { OpenPurchaseOrderState } from './purchase-order.evolve';
import type { AffectedLine, PurchaseOrderStatus } from './purchase-order.events';

export const RECEIVABLE: readonly PurchaseOrderStatus[] = [
  'submitted',
  'acknowledged',
  'partially-received',
];
/** Before the vendor confirms, the store may still ask for fewer units. */
export const CHANGEABLE: readonly PurchaseOrderStatus[] = ['draft', 'submitted'];

export function line(state: OpenPurchaseOrderState, poLineId: string): PoLine {
  const found = state.lines.get(poLineId);
  if (!found) throw new UnknownEntityError('purchase order line', `${state.poId}/${poLineId}`);
  return found;
}

/** Every customer line on the PO (or on one of its lines). */
export function affected(state: OpenPurchaseOrderState, poLineId?: string): AffectedLine[] {
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
export function waiting(state: OpenPurchaseOrderState, poLineId?: string) {
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

export function statusAfter(state: OpenPurchaseOrderState): PurchaseOrderStatus {
  const open = [...state.lines.values()].filter((l) => !l.cancelled);
  return open.every((l) => l.received >= l.quantity) ? 'received' : 'partially-received';
}
