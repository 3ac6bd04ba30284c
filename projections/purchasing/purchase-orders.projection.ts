import type { ProductSnapshot } from '../../src/catalog/product-snapshot';
import type {
  Allocation,
  PurchaseOrderEvent,
  PurchaseOrderStatus,
} from '../../src/purchasing/purchase-order.events';
import { type Money, multiply, sum } from '../../src/shared/domain/money';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type PurchaseOrderRecordedEvent = RecordedEvent<PurchaseOrderEvent['type']> & PurchaseOrderEvent;

/** Units of a PO line promised to one customer line, and where those units are now. */
export interface PurchaseOrderAllocationView extends Allocation {
  /** Units not received yet. */
  readonly outstanding: number;
  /** Units received and held for the customer. */
  readonly setAside: number;
  /** Substitute units offered and waiting for the customer's decision. */
  readonly offered: number;
}

export interface EtaChange {
  readonly at: string;
  readonly eta: string;
  readonly previous: string | null;
  /** The acknowledgement sets the first ETAs; revisions change them later. */
  readonly change: 'acknowledged' | 'revised';
  readonly source: 'vendor' | 'staff';
  readonly reason: string | null;
  readonly who: string;
}

export interface QuantityChange {
  readonly at: string;
  readonly from: number;
  readonly to: number;
  readonly reason: string;
  readonly who: string;
}

export interface PurchaseOrderLineView {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly quantity: number;
  readonly unitCost: Money;
  readonly lineTotal: Money;
  readonly cancelled: boolean;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly received: number;
  /** Units still to come: quantity - received, never below 0; none on a cancelled line. */
  readonly outstanding: number;
  /** Units of the order no customer line holds: they become stock. */
  readonly forStock: number;
  readonly eta: string | null;
  readonly etaHistory: readonly EtaChange[];
  readonly quantityChanges: readonly QuantityChange[];
  /** Units held by or still due to customers (the decider's allocated()). */
  readonly allocated: number;
}

/** A line as the query answers it: with the customers it serves. */
export interface PurchaseOrderLineWithAllocations extends PurchaseOrderLineView {
  readonly allocations: readonly PurchaseOrderAllocationView[];
}

/** One allocation, stored on its own: a daily PO can serve thousands of customer lines. */
export interface PurchaseOrderAllocationDocument extends PurchaseOrderAllocationView {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly poId: string;
  readonly poLineId: string;
}

export type PurchaseOrderOrigin =
  | {
      readonly kind: 'consolidated';
      readonly policy: string;
      readonly windowKey: string;
      readonly generation: number;
    }
  | { readonly kind: 'manual' };

export interface PurchaseOrderReceiptRef {
  readonly receiptId: string;
  readonly receivedAt: string;
  /** Units of the ordered products that arrived (substitutes not counted). */
  readonly units: number;
}

interface PurchaseOrderFields<TLine> {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly number: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly status: PurchaseOrderStatus;
  readonly origin: PurchaseOrderOrigin;
  readonly openedAt: string;
  readonly submittedAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly vendorReference: string | null;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly lines: readonly TLine[];
  readonly receipts: readonly PurchaseOrderReceiptRef[];
  readonly totals: {
    /** Cost of the lines not cancelled; null until the PO has a line to take a currency from. */
    readonly cost: Money | null;
  };
  readonly counts: {
    /** Counts cover lines not cancelled. */
    readonly lines: number;
    readonly units: number;
    readonly unitsForCustomers: number;
    readonly unitsForStock: number;
  };
  readonly updatedAt: string;
}

/** A PO as stored: its lines carry counts, the allocations live in their own collection. */
export type StoredPurchaseOrder = PurchaseOrderFields<PurchaseOrderLineView>;

/** A PO as queries answer it. */
export type PurchaseOrderDocument = PurchaseOrderFields<PurchaseOrderLineWithAllocations>;

/** Purchase orders with their lines, the customers each line serves, and ETA history. */
export const purchaseOrdersProjection = defineProjection<PurchaseOrderRecordedEvent>({
  name: 'purchase_orders',
  // v2: rebuilt to drop allocations a deletion bug in the engine left behind.
  version: 2,
  eventTypes: [
    'PurchaseOrderOpened',
    'PurchaseOrderLineAdded',
    'PurchaseOrderLineQuantityChanged',
    'PurchaseOrderLineAllocated',
    'PurchaseOrderAllocationReleased',
    'PurchaseOrderAllocationTransferred',
    'PurchaseOrderSubmitted',
    'PurchaseOrderAcknowledged',
    'PurchaseOrderLineEtaRevised',
    'PurchaseOrderReceiptRecorded',
    'PurchaseOrderSubstitutionResolved',
    'PurchaseOrderLineCancelled',
    'PurchaseOrderCancelled',
    'PurchaseOrderClosed',
  ],
  collections: [
    defineCollection<PurchaseOrderRecordedEvent, StoredPurchaseOrder>({
      name: 'purchase_orders',
      indexes: [
        { field: 'vendorId' },
        { field: 'status' },
        { field: 'number' },
        { field: 'openedAt' },
      ],
      textFields: ['number', 'vendorName'],
      documentIds: (event) => [event.data.poId],
      evolve: (po, event) => {
        if (event.type === 'PurchaseOrderOpened') return opened(event);
        // Like the decider, events of a PO never opened change nothing.
        if (!po) return null;
        return summarize({ ...change(po, event), updatedAt: event.metadata.occurredAt });
      },
    }),
    defineCollection<PurchaseOrderRecordedEvent, PurchaseOrderAllocationDocument>({
      name: 'purchase_order_allocations',
      indexes: [{ field: 'poId' }, { field: 'poLineId' }, { field: 'backorderId' }],
      documentIds: allocationsOf,
      evolve: (allocation, event, id) => changeAllocation(allocation, event, id),
    }),
  ],
});

/** The PO as queries answer it: each line with the customers it serves, oldest first. */
export function withAllocations(
  po: StoredPurchaseOrder,
  allocations: readonly PurchaseOrderAllocationDocument[],
): PurchaseOrderDocument {
  const byLine = new Map<string, PurchaseOrderAllocationView[]>();
  for (const { id: _id, poId: _poId, poLineId, ...allocation } of [...allocations].sort(
    placedFirst,
  )) {
    byLine.set(poLineId, [...(byLine.get(poLineId) ?? []), allocation]);
  }
  return {
    ...po,
    lines: po.lines.map((l) => ({ ...l, allocations: byLine.get(l.poLineId) ?? [] })),
  };
}

function placedFirst(
  a: PurchaseOrderAllocationDocument,
  b: PurchaseOrderAllocationDocument,
): number {
  return a.placedAt.localeCompare(b.placedAt) || a.backorderNumber.localeCompare(b.backorderNumber);
}

function opened(
  event: PurchaseOrderRecordedEvent & { type: 'PurchaseOrderOpened' },
): StoredPurchaseOrder {
  const { poId, number, vendorId, vendorName, consolidation } = event.data;
  return {
    id: poId,
    number,
    vendorId,
    vendorName,
    status: 'draft',
    origin: consolidation ? { kind: 'consolidated', ...consolidation } : { kind: 'manual' },
    openedAt: event.metadata.occurredAt,
    submittedAt: null,
    acknowledgedAt: null,
    vendorReference: null,
    closedAt: null,
    closeReason: null,
    cancelledAt: null,
    cancelReason: null,
    lines: [],
    receipts: [],
    totals: { cost: null },
    counts: { lines: 0, units: 0, unitsForCustomers: 0, unitsForStock: 0 },
    updatedAt: event.metadata.occurredAt,
  };
}

/** The allocations an event changes: those it names. */
function allocationsOf(event: PurchaseOrderRecordedEvent): string[] {
  switch (event.type) {
    case 'PurchaseOrderLineAllocated':
      return [event.data.allocation.allocationId];
    case 'PurchaseOrderAllocationReleased':
    case 'PurchaseOrderSubstitutionResolved':
      return [event.data.allocationId];
    case 'PurchaseOrderAllocationTransferred':
      return [event.data.from.allocationId, event.data.to.allocationId];
    case 'PurchaseOrderReceiptRecorded':
      return event.data.lines.flatMap((l) => [
        ...l.setAside.map((u) => u.allocationId),
        ...(l.substitution?.offered ?? []).map((u) => u.allocationId),
      ]);
    case 'PurchaseOrderLineCancelled':
    case 'PurchaseOrderCancelled':
    case 'PurchaseOrderClosed':
      return event.data.affected.map((a) => a.allocationId);
    default:
      return [];
  }
}

/**
 * An event's effect on one allocation. The arithmetic (outstanding, setAside, offered) mirrors
 * evolvePurchaseOrder in src/purchasing/purchase-order.evolve.ts step for step, so the read side
 * shows what the decider will decide on; change both together (the projection's spec checks every
 * scenario against the decider's state).
 */
function changeAllocation(
  allocation: PurchaseOrderAllocationDocument | null,
  event: PurchaseOrderRecordedEvent,
  id: string,
): PurchaseOrderAllocationDocument | null {
  if (event.type === 'PurchaseOrderLineAllocated') {
    const { poId, poLineId, allocation: made } = event.data;
    return { ...made, id, poId, poLineId, outstanding: made.quantity, setAside: 0, offered: 0 };
  }
  if (!allocation) return null;
  switch (event.type) {
    case 'PurchaseOrderAllocationReleased':
      return dropEmpty({
        ...allocation,
        outstanding: allocation.outstanding - event.data.quantity,
        setAside: allocation.setAside - event.data.heldReleased,
      });
    case 'PurchaseOrderAllocationTransferred': {
      // As in the decider, the units change hands from the giver's held units to the taker's.
      const { from, quantity } = event.data;
      return id === from.allocationId
        ? dropEmpty({ ...allocation, setAside: allocation.setAside - quantity })
        : {
            ...allocation,
            outstanding: allocation.outstanding - quantity,
            setAside: allocation.setAside + quantity,
          };
    }
    case 'PurchaseOrderReceiptRecorded': {
      const units = (list: readonly { allocationId: string; quantity: number }[]) =>
        list.filter((u) => u.allocationId === id).reduce((n, u) => n + u.quantity, 0);
      const setAside = units(event.data.lines.flatMap((l) => l.setAside));
      const offered = units(event.data.lines.flatMap((l) => l.substitution?.offered ?? []));
      return {
        ...allocation,
        outstanding: allocation.outstanding - setAside,
        setAside: allocation.setAside + setAside,
        offered: allocation.offered + offered,
      };
    }
    case 'PurchaseOrderSubstitutionResolved': {
      // An accepted substitute counts as received on the line and is held for the customer.
      const { quantity, accepted } = event.data;
      return {
        ...allocation,
        offered: allocation.offered - quantity,
        outstanding: accepted ? allocation.outstanding - quantity : allocation.outstanding,
        setAside: accepted ? allocation.setAside + quantity : allocation.setAside,
      };
    }
    // As the decider: units no longer coming are owed to no one.
    case 'PurchaseOrderLineCancelled':
    case 'PurchaseOrderCancelled':
    case 'PurchaseOrderClosed':
      return { ...allocation, outstanding: 0 };
    default:
      return allocation;
  }
}

/** The event's effect on the PO itself: its status, lines and the customer units they count. */
function change(po: StoredPurchaseOrder, event: PurchaseOrderRecordedEvent): StoredPurchaseOrder {
  const at = event.metadata.occurredAt;
  const who = event.metadata.actor;
  switch (event.type) {
    case 'PurchaseOrderOpened':
      // opened() starts the document; the decider never opens a PO twice.
      return po;
    case 'PurchaseOrderLineAdded': {
      const { poLineId, product, quantity, unitCost } = event.data;
      const line: PurchaseOrderLineView = {
        poLineId,
        product,
        quantity,
        unitCost,
        lineTotal: multiply(unitCost, quantity),
        cancelled: false,
        cancelledAt: null,
        cancelReason: null,
        received: 0,
        outstanding: quantity,
        forStock: quantity,
        eta: null,
        etaHistory: [],
        quantityChanges: [],
        allocated: 0,
      };
      return { ...po, lines: [...po.lines, line] };
    }
    case 'PurchaseOrderLineQuantityChanged': {
      const { poLineId, from, to, reason } = event.data;
      // Raises for each consolidated customer line are told by the allocations; keeping only
      // the reductions people make keeps a busy daily PO's document small.
      return withLine(po, poLineId, (l) => ({
        ...l,
        quantity: to,
        quantityChanges:
          to < from ? [...l.quantityChanges, { at, from, to, reason, who }] : l.quantityChanges,
      }));
    }
    case 'PurchaseOrderLineAllocated':
      return withLine(po, event.data.poLineId, (l) => ({
        ...l,
        allocated: l.allocated + event.data.allocation.quantity,
      }));
    case 'PurchaseOrderAllocationReleased': {
      const { poLineId, quantity, heldReleased } = event.data;
      return withLine(po, poLineId, (l) => ({
        ...l,
        allocated: l.allocated - quantity - heldReleased,
      }));
    }
    case 'PurchaseOrderAllocationTransferred':
      // The taker is served from the giver's held units: the unit still due to the taker is now
      // no one's and arrives as stock.
      return withLine(po, event.data.poLineId, (l) => ({
        ...l,
        allocated: l.allocated - event.data.quantity,
      }));
    case 'PurchaseOrderSubmitted':
      return { ...po, status: 'submitted', submittedAt: at };
    case 'PurchaseOrderAcknowledged':
      return event.data.etas.reduce<StoredPurchaseOrder>(
        (next, { poLineId, eta }) =>
          withLine(next, poLineId, (l) => ({
            ...l,
            eta,
            etaHistory: [
              ...l.etaHistory,
              {
                at,
                eta,
                previous: l.eta,
                change: 'acknowledged',
                source: 'vendor',
                reason: null,
                who,
              },
            ],
          })),
        {
          ...po,
          status: 'acknowledged',
          acknowledgedAt: at,
          vendorReference: event.data.vendorReference,
        },
      );
    case 'PurchaseOrderLineEtaRevised': {
      const { poLineId, eta, previous, source, reason } = event.data;
      return withLine(po, poLineId, (l) => ({
        ...l,
        eta,
        etaHistory: [
          ...l.etaHistory,
          { at, eta, previous, change: 'revised', source, reason, who },
        ],
      }));
    }
    case 'PurchaseOrderReceiptRecorded': {
      const { receiptId, lines, status } = event.data;
      const units = lines.reduce((n, l) => n + l.quantity, 0);
      return lines.reduce<StoredPurchaseOrder>(
        (next, received) =>
          withLine(next, received.poLineId, (l) => ({
            ...l,
            received: l.received + received.quantity,
          })),
        { ...po, status, receipts: [...po.receipts, { receiptId, receivedAt: at, units }] },
      );
    }
    case 'PurchaseOrderSubstitutionResolved': {
      const { poLineId, quantity, accepted, status } = event.data;
      return withLine({ ...po, status }, poLineId, (l) =>
        accepted ? { ...l, received: l.received + quantity } : l,
      );
    }
    case 'PurchaseOrderLineCancelled':
      return withLine(released(po, event.data.affected), event.data.poLineId, (l) => ({
        ...l,
        cancelled: true,
        cancelledAt: at,
        cancelReason: event.data.reason,
      }));
    case 'PurchaseOrderCancelled':
      return {
        ...released(po, event.data.affected),
        status: 'cancelled',
        cancelledAt: at,
        cancelReason: event.data.reason,
      };
    case 'PurchaseOrderClosed':
      return {
        ...released(po, event.data.affected),
        status: 'closed',
        closedAt: at,
        closeReason: event.data.reason,
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Units due to customers that will not come any more: the lines count them no longer. */
function released(
  po: StoredPurchaseOrder,
  affected: readonly { readonly poLineId: string; readonly quantity: number }[],
): StoredPurchaseOrder {
  return affected.reduce(
    (next, a) => withLine(next, a.poLineId, (l) => ({ ...l, allocated: l.allocated - a.quantity })),
    po,
  );
}

function withLine(
  po: StoredPurchaseOrder,
  poLineId: string,
  update: (line: PurchaseOrderLineView) => PurchaseOrderLineView,
): StoredPurchaseOrder {
  return {
    ...po,
    lines: po.lines.map((l) => (l.poLineId === poLineId ? derived(update(l)) : l)),
  };
}

/** The decider forgets an allocation once it holds, awaits and is offered nothing. */
function dropEmpty(
  allocation: PurchaseOrderAllocationDocument,
): PurchaseOrderAllocationDocument | null {
  return allocation.outstanding > 0 || allocation.setAside > 0 || allocation.offered > 0
    ? allocation
    : null;
}

function derived(line: PurchaseOrderLineView): PurchaseOrderLineView {
  return {
    ...line,
    lineTotal: multiply(line.unitCost, line.quantity),
    outstanding: line.cancelled ? 0 : Math.max(0, line.quantity - line.received),
    forStock: line.cancelled ? 0 : Math.max(0, line.quantity - line.allocated),
  };
}

function summarize(po: StoredPurchaseOrder): StoredPurchaseOrder {
  const live = po.lines.filter((l) => !l.cancelled);
  return {
    ...po,
    totals: {
      // One vendor, one currency: sum() throws on a mix, which stops the projection loudly.
      cost:
        po.lines.length === 0
          ? null
          : sum(
              live.map((l) => l.lineTotal),
              po.lines[0].unitCost.currency,
            ),
    },
    counts: {
      lines: live.length,
      units: live.reduce((n, l) => n + l.quantity, 0),
      unitsForCustomers: live.reduce((n, l) => n + l.quantity - l.forStock, 0),
      unitsForStock: live.reduce((n, l) => n + l.forStock, 0),
    },
  };
}
