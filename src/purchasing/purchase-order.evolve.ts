import { Map as ImmutableMap, OrderedMap, Set as ImmutableSet } from 'immutable';
import { type PoLine, updateAllocation } from './purchase-order-line';
import type {
  PurchaseOrderEvent,
  PurchaseOrderOpened,
  PurchaseOrderStatus,
} from './purchase-order.events';

export interface OpenPurchaseOrderState {
  readonly status: PurchaseOrderStatus;
  readonly poId: string;
  readonly number: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly consolidation: PurchaseOrderOpened['data']['consolidation'];
  readonly lines: OrderedMap<string, PoLine>;
  readonly lineByProduct: ImmutableMap<string, string>;
  /** Live allocations by id, to their PO line. */
  readonly lineOfAllocation: ImmutableMap<string, string>;
  /** Every allocation ever made, released ones too: allocating one again is a no-op. */
  readonly knownAllocations: ImmutableSet<string>;
  readonly receipts: ImmutableSet<string>;
  /** Releases and transfers already applied: repeating one is a no-op. */
  readonly releases: ImmutableSet<string>;
  /** Substitute units offered, by `<receiptId>:<allocationId>`, waiting for the customer. */
  readonly pendingSubstitutions: ImmutableMap<
    string,
    { readonly poLineId: string; readonly quantity: number }
  >;
}

export type PurchaseOrderState = { readonly status: 'none' } | OpenPurchaseOrderState;

export function evolvePurchaseOrder(
  state: PurchaseOrderState,
  event: PurchaseOrderEvent,
): PurchaseOrderState {
  if (event.type === 'PurchaseOrderOpened') {
    const { poId, number, vendorId, vendorName, consolidation } = event.data;
    return {
      status: 'draft',
      poId,
      number,
      vendorId,
      vendorName,
      consolidation,
      lines: OrderedMap(),
      lineByProduct: ImmutableMap(),
      lineOfAllocation: ImmutableMap(),
      knownAllocations: ImmutableSet(),
      receipts: ImmutableSet(),
      releases: ImmutableSet(),
      pendingSubstitutions: ImmutableMap(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PurchaseOrderLineAdded': {
      const { poLineId, product, quantity, unitCost } = event.data;
      const line: PoLine = {
        poLineId,
        product,
        quantity,
        unitCost,
        cancelled: false,
        received: 0,
        eta: null,
        allocations: OrderedMap(),
      };
      return {
        ...state,
        lines: state.lines.set(poLineId, line),
        lineByProduct: state.lineByProduct.set(product.productId, poLineId),
      };
    }
    case 'PurchaseOrderLineQuantityChanged':
      return withLine(state, event.data.poLineId, (l) => ({ ...l, quantity: event.data.to }));
    case 'PurchaseOrderLineAllocated': {
      const { allocation, poLineId } = event.data;
      const live = { ...allocation, outstanding: allocation.quantity, setAside: 0, offered: 0 };
      return {
        ...withLine(state, poLineId, (l) => ({
          ...l,
          allocations: l.allocations.set(allocation.allocationId, live),
        })),
        lineOfAllocation: state.lineOfAllocation.set(allocation.allocationId, poLineId),
        knownAllocations: state.knownAllocations.add(allocation.allocationId),
      };
    }
    case 'PurchaseOrderAllocationReleased': {
      const { poLineId, allocationId, quantity, heldReleased, operationId } = event.data;
      const released = withLine(state, poLineId, (l) =>
        updateAllocation(l, allocationId, (a) => ({
          ...a,
          outstanding: a.outstanding - quantity,
          setAside: a.setAside - heldReleased,
        })),
      );
      return {
        ...dropEmptyAllocation(released, poLineId, allocationId),
        releases: state.releases.add(operationId),
      };
    }
    case 'PurchaseOrderAllocationTransferred': {
      const { poLineId, from, to, quantity, transferId } = event.data;
      const moved = withLine(state, poLineId, (l) =>
        updateAllocation(
          updateAllocation(l, from.allocationId, (a) => ({
            ...a,
            setAside: a.setAside - quantity,
          })),
          to.allocationId,
          (a) => ({ ...a, outstanding: a.outstanding - quantity, setAside: a.setAside + quantity }),
        ),
      );
      return {
        ...dropEmptyAllocation(moved, poLineId, from.allocationId),
        releases: state.releases.add(transferId),
      };
    }
    case 'PurchaseOrderSubmitted':
      return { ...state, status: 'submitted' };
    case 'PurchaseOrderAcknowledged':
      return event.data.etas.reduce(
        (s, { poLineId, eta }) => withLine(s, poLineId, (l) => ({ ...l, eta })),
        { ...state, status: 'acknowledged' } as OpenPurchaseOrderState,
      );
    case 'PurchaseOrderLineEtaRevised':
      return withLine(state, event.data.poLineId, (l) => ({ ...l, eta: event.data.eta }));
    case 'PurchaseOrderReceiptRecorded': {
      let next: OpenPurchaseOrderState = {
        ...state,
        status: event.data.status,
        receipts: state.receipts.add(event.data.receiptId),
      };
      for (const received of event.data.lines) {
        next = withLine(next, received.poLineId, (l) => {
          let line = { ...l, received: l.received + received.quantity };
          for (const units of received.setAside) {
            line = updateAllocation(line, units.allocationId, (a) => ({
              ...a,
              outstanding: a.outstanding - units.quantity,
              setAside: a.setAside + units.quantity,
            }));
          }
          for (const units of received.substitution?.offered ?? []) {
            line = updateAllocation(line, units.allocationId, (a) => ({
              ...a,
              offered: a.offered + units.quantity,
            }));
          }
          return line;
        });
        for (const units of received.substitution?.offered ?? []) {
          next = {
            ...next,
            pendingSubstitutions: next.pendingSubstitutions.set(
              `${event.data.receiptId}:${units.allocationId}`,
              {
                poLineId: received.poLineId,
                quantity: units.quantity,
              },
            ),
          };
        }
      }
      return next;
    }
    case 'PurchaseOrderSubstitutionResolved': {
      const { receiptId, poLineId, allocationId, quantity, accepted } = event.data;
      const resolved = withLine(state, poLineId, (l) => {
        const line = accepted ? { ...l, received: l.received + quantity } : l;
        return updateAllocation(line, allocationId, (a) => ({
          ...a,
          offered: a.offered - quantity,
          outstanding: accepted ? a.outstanding - quantity : a.outstanding,
          setAside: accepted ? a.setAside + quantity : a.setAside,
        }));
      });
      return {
        ...resolved,
        status: event.data.status,
        pendingSubstitutions: state.pendingSubstitutions.delete(`${receiptId}:${allocationId}`),
      };
    }
    case 'PurchaseOrderLineCancelled':
      return withLine(state, event.data.poLineId, (l) => ({
        ...l,
        cancelled: true,
        allocations: l.allocations.map((a) => ({ ...a, outstanding: 0 })),
      }));
    // Units no longer coming are owed to no one: the customer lines went into exception.
    case 'PurchaseOrderCancelled':
      return { ...nothingOutstanding(state), status: 'cancelled' };
    case 'PurchaseOrderClosed':
      return { ...nothingOutstanding(state), status: 'closed' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export function withLine(
  state: OpenPurchaseOrderState,
  poLineId: string,
  update: (line: PoLine) => PoLine,
): OpenPurchaseOrderState {
  const line = state.lines.get(poLineId);
  return line ? { ...state, lines: state.lines.set(poLineId, update(line)) } : state;
}

function nothingOutstanding(state: OpenPurchaseOrderState): OpenPurchaseOrderState {
  return {
    ...state,
    lines: state.lines.map((l) => ({
      ...l,
      allocations: l.allocations.map((a) => ({ ...a, outstanding: 0 })),
    })),
  };
}

function dropEmptyAllocation(
  state: OpenPurchaseOrderState,
  poLineId: string,
  allocationId: string,
): OpenPurchaseOrderState {
  const allocation = state.lines.get(poLineId)?.allocations.get(allocationId);
  if (
    !allocation ||
    allocation.outstanding > 0 ||
    allocation.setAside > 0 ||
    allocation.offered > 0
  )
    return state;
  return {
    ...withLine(state, poLineId, (l) => ({
      ...l,
      allocations: l.allocations.delete(allocationId),
    })),
    lineOfAllocation: state.lineOfAllocation.delete(allocationId),
  };
}
