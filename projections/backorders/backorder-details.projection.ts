import {
  type LineState,
  type LineStatus,
  lineStatus,
  outstanding,
  unsupplied,
} from '../../src/backorders/backorder-line';
import { applyToLines } from '../../src/backorders/line-events';
import type {
  BackorderClosed,
  BackorderEvent,
  CustomerSnapshot,
  Disposition,
  ProductUnits,
} from '../../src/backorders/backorder.events';
import type {
  AffectedLine,
  PurchaseOrderEvent,
  PurchaseOrderStatus,
} from '../../src/purchasing/purchase-order.events';
import { type Money, multiply, sum } from '../../src/shared/domain/money';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import { backorderEventTypes, purchaseOrderEventsForOrders } from './backorder-view-events';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

export type BackorderRecordedEvent = RecordedEvent<BackorderEvent['type']> & BackorderEvent;
export type PurchaseOrderRecordedEvent = RecordedEvent<PurchaseOrderEvent['type']> &
  PurchaseOrderEvent;
export type BackorderViewEvent = BackorderRecordedEvent | PurchaseOrderRecordedEvent;

type LostUnits = AffectedLine & { readonly quantity: number };

export type OrderStatus = 'open' | 'closed';
export type OrderOutcome = BackorderClosed['data']['outcome'];

/** One allocation of the line on a PO, as the line's order last heard of it. */
export interface PurchaseOrderLink {
  readonly allocationId: string;
  readonly poId: string;
  readonly poNumber: string;
  readonly poLineId: string;
  readonly vendorId: string;
  /** Units allocated to the line on the PO line. */
  readonly quantity: number;
  /** Units the line let go of on the PO (cancelled with the vendor or kept as stock). */
  readonly released: number;
  /** The PO's status as last seen by an event that concerned this order. */
  readonly poStatus: PurchaseOrderStatus;
  readonly eta: string | null;
  /** Why the units still outstanding on this allocation will not come (PO or PO line cancelled, closed short). */
  readonly lost: string | null;
}

export interface EtaChange {
  readonly at: string;
  readonly eta: string;
  readonly previous: string | null;
  readonly source: 'vendor' | 'staff';
  readonly reason: string | null;
  readonly poId: string;
  readonly poNumber: string;
  readonly poLineId: string;
}

/** What the events say of a line beyond the decider's own line state. */
interface LineFacts extends LineState {
  /** 1-based, in the order the lines were placed: "line 2". */
  readonly lineNumber: number;
  /** Units of the product in stock when the order was placed. */
  readonly availableInStock: number;
  readonly purchaseOrders: readonly PurchaseOrderLink[];
  readonly etaHistory: readonly EtaChange[];
  readonly notice: {
    readonly channel: string;
    readonly recipient: string;
    readonly sentAt: string;
  } | null;
  readonly fulfilment: {
    readonly method: 'pickup' | 'delivery';
    readonly quantity: number;
    /** Units that left the store, per product. */
    readonly issued: readonly ProductUnits[];
    readonly at: string;
  } | null;
  readonly cancellation: {
    readonly reason: string;
    readonly disposition: Disposition | null;
    readonly at: string;
  } | null;
}

/**
 * A customer line: the decider's line state (supply figures keyed by allocation) plus what the
 * events say of it and what follows from both.
 */
export interface BackorderLineView extends LineFacts {
  readonly status: LineStatus;
  /** Units on order at vendors and not received yet. */
  readonly outstanding: number;
  /** Units nothing supplies yet: not held, on order, asked for or offered. */
  readonly unsupplied: number;
  readonly total: Money;
  /** When the units still on order are expected: the latest ETA among them. */
  readonly eta: string | null;
  /** The line's exception, or the loss a PO event announced before the line recorded it. */
  readonly exceptionReason: string | null;
}

/** A type, not an interface: the read store takes it as a plain record. */
export type BackorderDetails = {
  readonly id: string;
  readonly number: string;
  readonly customerId: string;
  readonly customer: CustomerSnapshot;
  readonly salesperson: string;
  readonly priority: number;
  readonly notes: string | null;
  readonly placedAt: string;
  readonly updatedAt: string;
  readonly status: OrderStatus;
  readonly outcome: OrderOutcome | null;
  readonly closedAt: string | null;
  readonly lines: readonly BackorderLineView[];
  /** Distinct statuses of the lines, for filtering by line status. */
  readonly lineStatuses: readonly LineStatus[];
  /** The line statuses in one phrase: "1 ready for pickup, 1 on PO". */
  readonly summary: string;
  /** The latest ETA among lines not yet held or done. */
  readonly eta: string | null;
  readonly totals: { readonly ordered: Money; readonly fulfilled: Money };
  readonly vendorIds: readonly string[];
  /** Products of open lines with units nothing supplies yet. */
  readonly waitingProductIds: readonly string[];
  /** Every PO the lines were ever on. */
  readonly purchaseOrderIds: readonly string[];
  /** Number and phone in the forms people type them: "123", "000123", "5550100". */
  readonly searchKeys: readonly string[];
};

const BACKORDER_TYPES: ReadonlySet<string> = new Set(backorderEventTypes);

export function isBackorderEvent(event: BackorderViewEvent): event is BackorderRecordedEvent {
  return BACKORDER_TYPES.has(event.type);
}

/** Customer orders an event concerns: its own backorder, or the orders its PO lines serve. */
export function backordersConcerned(event: BackorderViewEvent): string[] {
  if (isBackorderEvent(event)) return [event.data.backorderId];
  switch (event.type) {
    case 'PurchaseOrderLineAllocated':
      return [event.data.allocation.backorderId];
    case 'PurchaseOrderAllocationReleased':
    case 'PurchaseOrderSubstitutionResolved':
      return [event.data.backorderId];
    case 'PurchaseOrderAllocationTransferred':
      return distinct([event.data.from.backorderId, event.data.to.backorderId]);
    case 'PurchaseOrderSubmitted':
    case 'PurchaseOrderAcknowledged':
    case 'PurchaseOrderLineEtaRevised':
    case 'PurchaseOrderLineCancelled':
    case 'PurchaseOrderCancelled':
    case 'PurchaseOrderClosed':
      return distinct(event.data.affected.map((a) => a.backorderId));
    case 'PurchaseOrderReceiptRecorded':
      return distinct(
        event.data.lines.flatMap((l) =>
          [...l.setAside, ...(l.substitution?.offered ?? [])].map((u) => u.backorderId),
        ),
      );
    default:
      return [];
  }
}

/** A customer order with every line's status, supply, POs and ETAs: what staff look at. */
export const backorderDetailsProjection = defineProjection<BackorderViewEvent>({
  name: 'backorder_details',
  version: 1,
  eventTypes: [...backorderEventTypes, ...purchaseOrderEventsForOrders],
  collections: [
    defineCollection<BackorderViewEvent, BackorderDetails>({
      name: 'backorders',
      indexes: [
        { field: 'status' },
        { field: 'customerId' },
        { field: 'placedAt' },
        { field: 'number' },
        { field: 'vendorIds', multi: true },
        { field: 'waitingProductIds', multi: true },
        { field: 'lineStatuses', multi: true },
        { field: 'purchaseOrderIds', multi: true },
      ],
      textFields: ['number', 'customer.name', 'customer.phone', 'customer.email', 'searchKeys'],
      // Transfers change the lines only through the backorder events they cause.
      documentIds: (event) =>
        event.type === 'PurchaseOrderAllocationTransferred' ? [] : backordersConcerned(event),
      evolve: (doc, event) => {
        if (event.type === 'BackorderPlaced') return placed(event);
        if (!doc) return null;
        const next = isBackorderEvent(event)
          ? onBackorderEvent(doc, event)
          : onPurchaseOrderEvent(doc, event);
        return refresh(next, event.metadata.occurredAt);
      },
    }),
  ],
});

type Draft = Omit<BackorderDetails, 'lines'> & { readonly lines: readonly LineFacts[] };

function placed(event: Extract<BackorderRecordedEvent, { type: 'BackorderPlaced' }>) {
  const placedLines = applyToLines({}, event);
  const { backorderId, number, customer, salesperson, placedAt, priority, notes, lines } =
    event.data;
  const at = event.metadata.occurredAt;
  const draft: Draft = {
    id: backorderId,
    number,
    customerId: customer.customerId,
    customer,
    salesperson,
    priority,
    notes,
    placedAt,
    updatedAt: at,
    status: 'open',
    outcome: null,
    closedAt: null,
    lines: lines.map((line, i) => ({
      ...placedLines[line.lineId],
      lineNumber: i + 1,
      availableInStock: line.availableInStock,
      purchaseOrders: [],
      etaHistory: [],
      notice: null,
      fulfilment: null,
      cancellation: null,
    })),
    lineStatuses: [],
    summary: '',
    eta: null,
    // One currency per order: the store's; a line in another one makes the totals throw.
    totals: { ordered: zero(lines[0].unitPrice), fulfilled: zero(lines[0].unitPrice) },
    vendorIds: [],
    waitingProductIds: [],
    purchaseOrderIds: [],
    searchKeys: searchKeys(number, customer.phone),
  };
  return refresh(draft, at);
}

/** The line figures change as the shared line fold says (applyToLines); the rest is recorded beside them. */
function onBackorderEvent(doc: BackorderDetails, event: BackorderRecordedEvent): Draft {
  const lines = applyToLines(Object.fromEntries(doc.lines.map((l) => [l.lineId, l])), event);
  const draft: Draft = {
    ...doc,
    status: event.type === 'BackorderClosed' ? 'closed' : doc.status,
    lines: doc.lines.map((l) => ({ ...l, ...lines[l.lineId] })),
  };
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'BackorderLineOnPurchaseOrder': {
      const { allocationId, poId, poNumber, poLineId, vendorId, quantity } = event.data;
      return withLine(draft, event.data.lineId, (l) =>
        upsertLink(l, { allocationId, poId, poNumber, poLineId, vendorId, quantity }),
      );
    }
    case 'BackorderReadyNoticeRecorded': {
      const { channel, recipient, sentAt } = event.data;
      return event.data.lineIds.reduce(
        (d, lineId) =>
          withLine(d, lineId, (l) => ({ ...l, notice: { channel, recipient, sentAt } })),
        draft,
      );
    }
    case 'BackorderLineFulfilled': {
      const { method, quantity, issued } = event.data;
      return withLine(draft, event.data.lineId, (l) => ({
        ...l,
        fulfilment: { method, quantity, issued, at },
      }));
    }
    case 'BackorderLineCancelled': {
      const { reason, disposition } = event.data;
      return withLine(draft, event.data.lineId, (l) => ({
        ...l,
        cancellation: { reason, disposition, at },
      }));
    }
    case 'BackorderLineExceptionRaised': {
      const { allocationId, reason } = event.data;
      return withLine(draft, event.data.lineId, (l) =>
        withLinks(
          l,
          (link) => link.allocationId === allocationId,
          (link) => ({ ...link, lost: link.lost ?? reason }),
        ),
      );
    }
    case 'BackorderClosed':
      return { ...draft, outcome: event.data.outcome, closedAt: at };
    default:
      return draft;
  }
}

function onPurchaseOrderEvent(doc: BackorderDetails, event: PurchaseOrderRecordedEvent): Draft {
  const { poId } = event.data;
  const onPo = (link: PurchaseOrderLink) => link.poId === poId;
  const poStatus = (draft: Draft, status: PurchaseOrderStatus) =>
    allLines(draft, (l) => withLinks(l, onPo, (link) => ({ ...link, poStatus: status })));
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'PurchaseOrderLineAllocated': {
      const { poLineId, poNumber, allocation } = event.data;
      return withLine(doc, allocation.lineId, (l) =>
        upsertLink(l, {
          allocationId: allocation.allocationId,
          poId,
          poNumber,
          poLineId,
          vendorId: l.product.vendorId,
          quantity: allocation.quantity,
        }),
      );
    }
    case 'PurchaseOrderAllocationReleased': {
      const { allocationId, quantity } = event.data;
      return withLine(doc, event.data.lineId, (l) =>
        withLinks(
          l,
          (link) => link.allocationId === allocationId,
          (link) => ({ ...link, released: link.released + quantity }),
        ),
      );
    }
    case 'PurchaseOrderSubmitted':
      return poStatus(doc, 'submitted');
    case 'PurchaseOrderAcknowledged': {
      const etas = new Map(event.data.etas.map((e) => [e.poLineId, e.eta]));
      return revise(poStatus(doc, 'acknowledged'), event.data.affected, at, (poLineId) => {
        const eta = etas.get(poLineId);
        return eta === undefined ? undefined : { eta, source: 'vendor', reason: null };
      });
    }
    case 'PurchaseOrderLineEtaRevised': {
      const { poLineId, eta, source, reason } = event.data;
      return revise(doc, event.data.affected, at, (revised) =>
        revised === poLineId ? { eta, source, reason } : undefined,
      );
    }
    case 'PurchaseOrderReceiptRecorded':
    case 'PurchaseOrderSubstitutionResolved':
      return poStatus(doc, event.data.status);
    // Worded as the exception the reactor raises on the line, so the reason reads the same after.
    case 'PurchaseOrderLineCancelled': {
      const { poNumber, reason, affected } = event.data;
      return lose(doc, affected, `its line on ${poNumber} was cancelled: ${reason}`);
    }
    case 'PurchaseOrderCancelled': {
      const { poNumber, reason, affected } = event.data;
      return lose(poStatus(doc, 'cancelled'), affected, `${poNumber} was cancelled: ${reason}`);
    }
    case 'PurchaseOrderClosed': {
      const { poNumber, reason, affected } = event.data;
      const closed = poStatus(doc, 'closed');
      return lose(closed, affected, `${poNumber} was closed without these units: ${reason}`);
    }
    default:
      return doc;
  }
}

/**
 * New ETAs on the PO lines of this order's allocations, with one history entry per customer line
 * and PO line, however many allocations join the two.
 */
function revise(
  draft: Draft,
  affected: readonly AffectedLine[],
  at: string,
  changeOf: (poLineId: string) => Pick<EtaChange, 'eta' | 'source' | 'reason'> | undefined,
): Draft {
  const mine = affected.filter((a) => a.backorderId === draft.id);
  return allLines(draft, (line) => {
    const allocations = new Set(
      mine.filter((a) => a.lineId === line.lineId).map((a) => a.allocationId),
    );
    const changed = line.purchaseOrders.filter(
      (p) => allocations.has(p.allocationId) && changeOf(p.poLineId) !== undefined,
    );
    if (changed.length === 0) return line;
    const history: EtaChange[] = [];
    for (const { poId, poNumber, poLineId, eta } of changed) {
      if (history.some((h) => h.poLineId === poLineId)) continue;
      history.push({ at, ...changeOf(poLineId)!, previous: eta, poId, poNumber, poLineId });
    }
    return {
      ...withLinks(
        line,
        (p) => changed.includes(p),
        (p) => ({ ...p, eta: changeOf(p.poLineId)!.eta }),
      ),
      etaHistory: [...line.etaHistory, ...history],
    };
  });
}

function lose(draft: Draft, affected: readonly LostUnits[], reason: string): Draft {
  return affected
    .filter((a) => a.backorderId === draft.id)
    .reduce(
      (d, a) =>
        withLine(d, a.lineId, (l) =>
          withLinks(
            l,
            (link) => link.allocationId === a.allocationId,
            (link) => ({ ...link, lost: link.lost ?? reason }),
          ),
        ),
      draft,
    );
}

function upsertLink(
  line: LineFacts,
  link: Pick<
    PurchaseOrderLink,
    'allocationId' | 'poId' | 'poNumber' | 'poLineId' | 'vendorId' | 'quantity'
  >,
): LineFacts {
  const known = line.purchaseOrders.some((p) => p.allocationId === link.allocationId);
  if (known) {
    return withLinks(
      line,
      (p) => p.allocationId === link.allocationId,
      (p) => ({ ...p, ...link }),
    );
  }
  const added: PurchaseOrderLink = {
    ...link,
    released: 0,
    poStatus: 'draft',
    eta: null,
    lost: null,
  };
  return { ...line, purchaseOrders: [...line.purchaseOrders, added] };
}

function withLine(draft: Draft, lineId: string, change: (line: LineFacts) => LineFacts): Draft {
  return { ...draft, lines: draft.lines.map((l) => (l.lineId === lineId ? change(l) : l)) };
}

function allLines(draft: Draft, change: (line: LineFacts) => LineFacts): Draft {
  return { ...draft, lines: draft.lines.map(change) };
}

function withLinks(
  line: LineFacts,
  which: (link: PurchaseOrderLink) => boolean,
  change: (link: PurchaseOrderLink) => PurchaseOrderLink,
): LineFacts {
  if (!line.purchaseOrders.some(which)) return line;
  return { ...line, purchaseOrders: line.purchaseOrders.map((p) => (which(p) ? change(p) : p)) };
}

const HELD_OR_DONE: readonly LineStatus[] = ['set-aside', 'ready', 'picked-up', 'cancelled'];

/** Everything that follows from the facts: statuses, ETAs, totals and the indexed lists. */
function refresh(draft: Draft, at: string): BackorderDetails {
  const lines = draft.lines.map(view);
  const currency = draft.totals.ordered.currency;
  const live = lines.filter((l) => l.state !== 'cancelled');
  const open = lines.filter((l) => l.state === 'open');
  return {
    ...draft,
    updatedAt: at,
    lines,
    lineStatuses: distinct(lines.map((l) => l.status)),
    summary: summary(lines),
    eta: latest(lines.map((l) => l.eta)),
    totals: {
      ordered: sum(
        live.map((l) => l.total),
        currency,
      ),
      fulfilled: sum(
        lines.filter((l) => l.state === 'fulfilled').map((l) => l.total),
        currency,
      ),
    },
    vendorIds: distinct(
      lines.flatMap((l) => [
        l.product.vendorId,
        l.delivered.vendorId,
        ...l.purchaseOrders.map((p) => p.vendorId),
      ]),
    ),
    waitingProductIds: distinct(
      open.filter((l) => l.unsupplied > 0).map((l) => l.product.productId),
    ),
    purchaseOrderIds: distinct(lines.flatMap((l) => l.purchaseOrders.map((p) => p.poId))),
  };
}

function view(line: LineFacts): BackorderLineView {
  const onOrder = line.purchaseOrders.filter((p) => line.onOrder[p.allocationId] !== undefined);
  // A PO event can announce a loss before the reactor records it on the line.
  const pendingLoss =
    line.state === 'open' && line.exception === null
      ? (onOrder.find((p) => p.lost !== null)?.lost ?? null)
      : null;
  const decided = lineStatus(line);
  const status = pendingLoss !== null && !HELD_OR_DONE.includes(decided) ? 'exception' : decided;
  return {
    ...line,
    status,
    outstanding: outstanding(line),
    unsupplied: unsupplied(line),
    total: multiply(line.unitPrice, line.quantity),
    eta: HELD_OR_DONE.includes(status)
      ? null
      : latest(onOrder.filter((p) => p.lost === null).map((p) => p.eta)),
    exceptionReason: line.exception ?? pendingLoss,
  };
}

const STATUS_WORDS: readonly (readonly [LineStatus, string])[] = [
  ['exception', 'exception'],
  ['awaiting-link', 'awaiting a stock decision'],
  ['to-order', 'to order'],
  ['on-po', 'on PO'],
  ['partially-received', 'partly received'],
  ['set-aside', 'set aside'],
  ['ready', 'ready for pickup'],
  ['picked-up', 'picked up'],
  ['cancelled', 'cancelled'],
];

function summary(lines: readonly BackorderLineView[]): string {
  return STATUS_WORDS.flatMap(([status, words]) => {
    const count = lines.filter((l) => l.status === status).length;
    return count > 0 ? [`${count} ${words}`] : [];
  }).join(', ');
}

function searchKeys(number: string, phone: string | null): string[] {
  const keys: string[] = [];
  const digits = number.replace(/\D/g, '');
  if (digits) keys.push(digits.replace(/^0+(?=\d)/, ''), number.replace(/[\W_]/g, ''));
  const phoneDigits = (phone ?? '').replace(/\D/g, '');
  // Whole number, without country code, without area code: as callers read it out.
  if (phoneDigits) keys.push(phoneDigits, phoneDigits.slice(-10), phoneDigits.slice(-7));
  return distinct(keys.map((k) => k.toLowerCase()));
}

function latest(values: readonly (string | null)[]): string | null {
  return values.reduce<string | null>(
    (a, b) => (b !== null && (a === null || b > a) ? b : a),
    null,
  );
}

function zero(price: Money): Money {
  return { amount: 0, currency: price.currency };
}

function distinct<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}
