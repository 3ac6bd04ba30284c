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
  readonly allocations: readonly PurchaseOrderAllocationView[];
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

export interface PurchaseOrderDocument {
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
  readonly lines: readonly PurchaseOrderLineView[];
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

/** Purchase orders with their lines, the customers each line serves, and ETA history. */
export const purchaseOrdersProjection = defineProjection<PurchaseOrderRecordedEvent>({
  name: 'purchase_orders',
  version: 1,
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
    defineCollection<PurchaseOrderRecordedEvent, PurchaseOrderDocument>({
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
  ],
});

function opened(
  event: PurchaseOrderRecordedEvent & { type: 'PurchaseOrderOpened' },
): PurchaseOrderDocument {
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

/**
 * The event's effect on the PO. Allocation arithmetic (outstanding, setAside, offered, received)
 * mirrors evolvePurchaseOrder in src/purchasing/purchase-order.evolve.ts step for step, so the read
 * side shows what the decider will decide on; change both together (the projection's spec checks
 * every scenario against the decider's state).
 */
function change(
  po: PurchaseOrderDocument,
  event: PurchaseOrderRecordedEvent,
): PurchaseOrderDocument {
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
        allocations: [],
      };
      return { ...po, lines: [...po.lines, line] };
    }
    case 'PurchaseOrderLineQuantityChanged': {
      const { poLineId, from, to, reason } = event.data;
      return withLine(po, poLineId, (l) => ({
        ...l,
        quantity: to,
        quantityChanges: [...l.quantityChanges, { at, from, to, reason, who }],
      }));
    }
    case 'PurchaseOrderLineAllocated': {
      const { poLineId, allocation } = event.data;
      return withLine(po, poLineId, (l) => ({
        ...l,
        allocations: [
          ...l.allocations,
          { ...allocation, outstanding: allocation.quantity, setAside: 0, offered: 0 },
        ],
      }));
    }
    case 'PurchaseOrderAllocationReleased': {
      const { poLineId, allocationId, quantity, heldReleased } = event.data;
      return withLine(po, poLineId, (l) =>
        dropEmpty(
          withAllocation(l, allocationId, (a) => ({
            ...a,
            outstanding: a.outstanding - quantity,
            setAside: a.setAside - heldReleased,
          })),
          allocationId,
        ),
      );
    }
    case 'PurchaseOrderAllocationTransferred': {
      // As in the decider, the units change hands from the giver's held units to the taker's.
      const { poLineId, from, to, quantity } = event.data;
      return withLine(po, poLineId, (l) => {
        const given = withAllocation(l, from.allocationId, (a) => ({
          ...a,
          setAside: a.setAside - quantity,
        }));
        const taken = withAllocation(given, to.allocationId, (a) => ({
          ...a,
          outstanding: a.outstanding - quantity,
          setAside: a.setAside + quantity,
        }));
        return dropEmpty(taken, from.allocationId);
      });
    }
    case 'PurchaseOrderSubmitted':
      return { ...po, status: 'submitted', submittedAt: at };
    case 'PurchaseOrderAcknowledged':
      return event.data.etas.reduce<PurchaseOrderDocument>(
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
      let next: PurchaseOrderDocument = {
        ...po,
        status,
        receipts: [
          ...po.receipts,
          { receiptId, receivedAt: at, units: lines.reduce((n, l) => n + l.quantity, 0) },
        ],
      };
      for (const received of lines) {
        next = withLine(next, received.poLineId, (l) => {
          let line = { ...l, received: l.received + received.quantity };
          for (const units of received.setAside) {
            line = withAllocation(line, units.allocationId, (a) => ({
              ...a,
              outstanding: a.outstanding - units.quantity,
              setAside: a.setAside + units.quantity,
            }));
          }
          for (const units of received.substitution?.offered ?? []) {
            line = withAllocation(line, units.allocationId, (a) => ({
              ...a,
              offered: a.offered + units.quantity,
            }));
          }
          return line;
        });
      }
      return next;
    }
    case 'PurchaseOrderSubstitutionResolved': {
      // An accepted substitute counts as received on the line and is held for the customer.
      const { poLineId, allocationId, quantity, accepted, status } = event.data;
      return withLine({ ...po, status }, poLineId, (l) =>
        withAllocation(
          accepted ? { ...l, received: l.received + quantity } : l,
          allocationId,
          (a) => ({
            ...a,
            offered: a.offered - quantity,
            outstanding: accepted ? a.outstanding - quantity : a.outstanding,
            setAside: accepted ? a.setAside + quantity : a.setAside,
          }),
        ),
      );
    }
    case 'PurchaseOrderLineCancelled':
      return withLine(po, event.data.poLineId, (l) => ({
        ...l,
        cancelled: true,
        cancelledAt: at,
        cancelReason: event.data.reason,
        allocations: l.allocations.map((a) => ({ ...a, outstanding: 0 })),
      }));
    // As the decider: units no longer coming are owed to no one.
    case 'PurchaseOrderCancelled':
      return {
        ...nothingOutstanding(po),
        status: 'cancelled',
        cancelledAt: at,
        cancelReason: event.data.reason,
      };
    case 'PurchaseOrderClosed':
      return {
        ...nothingOutstanding(po),
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

function nothingOutstanding(po: PurchaseOrderDocument): PurchaseOrderDocument {
  return {
    ...po,
    lines: po.lines.map((l) => ({
      ...l,
      allocations: l.allocations.map((a) => ({ ...a, outstanding: 0 })),
    })),
  };
}

function withLine(
  po: PurchaseOrderDocument,
  poLineId: string,
  update: (line: PurchaseOrderLineView) => PurchaseOrderLineView,
): PurchaseOrderDocument {
  return {
    ...po,
    lines: po.lines.map((l) => (l.poLineId === poLineId ? derived(update(l)) : l)),
  };
}

function withAllocation(
  line: PurchaseOrderLineView,
  allocationId: string,
  update: (allocation: PurchaseOrderAllocationView) => PurchaseOrderAllocationView,
): PurchaseOrderLineView {
  return {
    ...line,
    allocations: line.allocations.map((a) => (a.allocationId === allocationId ? update(a) : a)),
  };
}

/** The decider forgets an allocation once it holds, awaits and is offered nothing. */
function dropEmpty(line: PurchaseOrderLineView, allocationId: string): PurchaseOrderLineView {
  return {
    ...line,
    allocations: line.allocations.filter(
      (a) =>
        a.allocationId !== allocationId || a.outstanding > 0 || a.setAside > 0 || a.offered > 0,
    ),
  };
}

function derived(line: PurchaseOrderLineView): PurchaseOrderLineView {
  // Units held by or still due to customers, as the decider's allocated() counts them.
  const allocated = line.allocations.reduce((n, a) => n + a.outstanding + a.setAside, 0);
  return {
    ...line,
    lineTotal: multiply(line.unitCost, line.quantity),
    outstanding: line.cancelled ? 0 : Math.max(0, line.quantity - line.received),
    forStock: line.cancelled ? 0 : Math.max(0, line.quantity - allocated),
  };
}

function summarize(po: PurchaseOrderDocument): PurchaseOrderDocument {
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
