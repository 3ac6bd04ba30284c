import type { Disposition } from '../../src/backorders/backorder.events';
import type { ProductSnapshot } from '../../src/catalog/product-snapshot';
import type { AffectedLine, SetAsideUnits } from '../../src/purchasing/purchase-order.events';
import type { Position } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';
import {
  type BackorderRecordedEvent,
  type BackorderViewEvent,
  backordersConcerned,
  isBackorderEvent,
  type PurchaseOrderRecordedEvent,
} from './backorder-details.projection';
import { backorderEventTypes, purchaseOrderEventsForOrders } from './backorder-view-events';
import {
  describeMoneyEvent,
  isMoneyTimelineEvent,
  type MoneyTimelineEvent,
  moneyTimelineEventTypes,
} from './money-timeline';

type TimelineEvent = BackorderViewEvent | MoneyTimelineEvent;

export interface TimelineEntry {
  /** When it happened in the business (the event's occurredAt). */
  readonly at: string;
  /** When the log recorded it. */
  readonly recordedAt: string;
  readonly who: string;
  /** The process manager that acted on `who`'s behalf, when one did. */
  readonly via: string | null;
  readonly what: string;
  readonly why: string | null;
  readonly eventType: string;
  readonly eventId: string;
  readonly position: Position;
}

interface LineName {
  /** 1-based, in the order the lines were placed. */
  readonly lineNumber: number;
  readonly label: string;
  readonly vendorName: string;
}

/** A type, not an interface: the read store takes it as a plain record. */
export type BackorderTimeline = {
  readonly id: string;
  readonly number: string;
  readonly customerName: string;
  /** What the sentences call the lines, by line id. */
  readonly lines: Readonly<Record<string, LineName>>;
  /** PO numbers by PO id, for the PO events that only carry the id. */
  readonly purchaseOrders: Readonly<Record<string, string>>;
  readonly entries: readonly TimelineEntry[];
};

/**
 * An allocation is told by the order's own "added to PO" entry that follows it, so the
 * timeline skips it: one document rewrite fewer per line placed.
 */
const purchaseOrderEventsForTimelines = purchaseOrderEventsForOrders.filter(
  (type): type is Exclude<typeof type, 'PurchaseOrderLineAllocated'> =>
    type !== 'PurchaseOrderLineAllocated',
);

/** Everything that happened to an order and to the PO lines serving it, in log order, in plain words. */
export const backorderTimelineProjection = defineProjection<TimelineEvent>({
  name: 'backorder_timeline',
  // 3: an accepted substitute shows the staff member's reason (BackorderLineSubstitutionAccepted v2).
  // 4: deposits, payments, refunds and payment schedules.
  version: 4,
  eventTypes: [
    ...backorderEventTypes,
    ...purchaseOrderEventsForTimelines,
    ...moneyTimelineEventTypes,
  ],
  collections: [
    defineCollection<TimelineEvent, BackorderTimeline>({
      name: 'timelines',
      documentIds: (event) =>
        isMoneyTimelineEvent(event) ? [event.data.backorderId] : backordersConcerned(event),
      evolve: (doc, event, id) => {
        const timeline = event.type === 'BackorderPlaced' ? opened(event) : doc;
        if (!timeline) return null;
        if (isMoneyTimelineEvent(event)) {
          const said = describeMoneyEvent(event, (lineId) => line(timeline, lineId));
          return { ...timeline, entries: [...timeline.entries, entryOf(event, said)] };
        }
        const known = learn(timeline, event);
        const { what, why } = isBackorderEvent(event)
          ? describeBackorderEvent(known, event)
          : // eventTypes lets no other PO event in.
            describePurchaseOrderEvent(known, event as OrderPurchaseOrderEvent, id);
        return { ...known, entries: [...known.entries, entryOf(event, { what, why })] };
      },
    }),
  ],
});

function entryOf(event: TimelineEvent, { what, why }: Sentence): TimelineEntry {
  return {
    at: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    who: event.metadata.actor,
    via: typeof event.metadata.processManager === 'string' ? event.metadata.processManager : null,
    what,
    why,
    eventType: event.type,
    eventId: event.id,
    position: event.position,
  };
}

type OrderPurchaseOrderEvent = Extract<
  PurchaseOrderRecordedEvent,
  { type: (typeof purchaseOrderEventsForTimelines)[number] }
>;

function opened(
  event: Extract<BackorderRecordedEvent, { type: 'BackorderPlaced' }>,
): BackorderTimeline {
  const { backorderId, number, customer, lines } = event.data;
  return {
    id: backorderId,
    number,
    customerName: customer.name,
    lines: Object.fromEntries(
      lines.map((l, i) => [
        l.lineId,
        { lineNumber: i + 1, label: label(l.product), vendorName: l.product.vendorName },
      ]),
    ),
    purchaseOrders: {},
    entries: [],
  };
}

/** Remembers PO numbers as events reveal them. */
function learn(timeline: BackorderTimeline, event: BackorderViewEvent): BackorderTimeline {
  const data = event.data as { poId?: string; poNumber?: string };
  if (!data.poId || !data.poNumber || timeline.purchaseOrders[data.poId] === data.poNumber) {
    return timeline;
  }
  return {
    ...timeline,
    purchaseOrders: { ...timeline.purchaseOrders, [data.poId]: data.poNumber },
  };
}

interface Sentence {
  readonly what: string;
  readonly why: string | null;
}

function describeBackorderEvent(t: BackorderTimeline, event: BackorderRecordedEvent): Sentence {
  const said = (what: string, why: string | null = null) => ({ what, why });
  switch (event.type) {
    case 'BackorderPlaced': {
      const { number, customer, salesperson, lines } = event.data;
      const items = lines.map((l) => `${l.quantity} × ${label(l.product)}`).join(', ');
      const offered = lines
        .filter((l) => l.availableInStock > 0)
        .map((l) => `${line(t, l.lineId)} has ${units(l.availableInStock)} in stock to link`);
      return said(
        [
          `Order ${number} placed for ${customer.name} (salesperson ${salesperson}): ${items}`,
          ...offered,
        ].join('; '),
      );
    }
    case 'BackorderLineOrderedAnyway':
      return said(
        `${cap(line(t, event.data.lineId))}: ${units(event.data.quantity)} to be ordered from the vendor`,
        event.data.reason,
      );
    case 'BackorderLineLinkedToStock':
      return said(
        `${cap(line(t, event.data.lineId))} linked to ${units(event.data.quantity)} in stock`,
      );
    case 'BackorderLineOnPurchaseOrder': {
      const { lineId, poNumber, quantity } = event.data;
      const vendor = t.lines[lineId]?.vendorName;
      return said(
        `${cap(line(t, lineId))} added to ${poNumber}${vendor ? ` at ${vendor}` : ''} (${units(quantity)})`,
      );
    }
    case 'BackorderLineUnitsSetAside': {
      const { lineId, quantity, source, label: tag } = event.data;
      return said(
        `${units(quantity)} of ${line(t, lineId)} set aside for ${tag.customerName} (${source})`,
      );
    }
    case 'BackorderLineSubstitutionOffered': {
      const { lineId, substitute, quantity, poId } = event.data;
      return said(
        `${cap(line(t, lineId))}: the vendor sent ${units(quantity)} of ${label(substitute)} instead on ${po(t, poId)}; the customer is asked to accept or decline`,
      );
    }
    case 'BackorderLineSubstitutionAccepted':
      return said(
        `${cap(line(t, event.data.lineId))}: the customer accepted ${units(event.data.quantity)} of ${label(event.data.substitute)} instead`,
        event.data.reason || null,
      );
    case 'BackorderLineSubstitutionRejected':
      return said(
        `${cap(line(t, event.data.lineId))}: the customer declined the substitute ${label(event.data.substitute)}`,
        event.data.reason,
      );
    case 'BackorderReadyNoticeRecorded': {
      const { channel, recipient, lineIds } = event.data;
      return said(
        `Ready-for-pickup notice sent by ${channel} to ${recipient} for ${lineIds.map((id) => line(t, id)).join(', ')}`,
      );
    }
    case 'BackorderLineFulfilled': {
      const { lineId, quantity, method } = event.data;
      return said(
        `${cap(line(t, lineId))} ${method === 'pickup' ? 'picked up' : 'delivered'} (${units(quantity)})`,
      );
    }
    case 'BackorderLineQuantityChanged': {
      const { lineId, from, to, disposition, reason } = event.data;
      return said(
        `${cap(line(t, lineId))} changed from ${units(from)} to ${units(to)}${fate(disposition)}`,
        reason,
      );
    }
    case 'BackorderLineCancelled':
      return said(
        `${cap(line(t, event.data.lineId))} cancelled${fate(event.data.disposition)}`,
        event.data.reason,
      );
    case 'BackorderLineExceptionRaised': {
      const { lineId, quantity, poNumber, reason } = event.data;
      return said(
        `${cap(line(t, lineId))} needs a decision: ${units(quantity)} on ${poNumber} will not come`,
        reason,
      );
    }
    case 'BackorderClosed':
      return said(
        {
          fulfilled: 'Order closed: every line was handed over',
          cancelled: 'Order closed: every line was cancelled',
          'partly-cancelled': 'Order closed: every line was handed over or cancelled',
        }[event.data.outcome],
      );
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function describePurchaseOrderEvent(
  t: BackorderTimeline,
  event: OrderPurchaseOrderEvent,
  backorderId: string,
): Sentence {
  const said = (what: string, why: string | null = null) => ({ what, why });
  const number = po(t, event.data.poId);
  const mine = (affected: readonly AffectedLine[]) =>
    lineList(
      t,
      affected.filter((a) => a.backorderId === backorderId).map((a) => a.lineId),
    );
  switch (event.type) {
    case 'PurchaseOrderAllocationReleased': {
      const { lineId, quantity, heldReleased, disposition, reason } = event.data;
      const parts = [
        quantity > 0
          ? `${units(quantity)} on order ${disposition === 'cancel-po-line' ? 'cancelled with the vendor' : 'to become stock on arrival'}`
          : null,
        heldReleased > 0 ? `${units(heldReleased)} held in the store back to stock` : null,
      ].filter((p) => p !== null);
      return said(`${number} let go of ${line(t, lineId)}: ${parts.join(', ')}`, reason);
    }
    case 'PurchaseOrderAllocationTransferred': {
      const { from, to, quantity, units: kind, reason } = event.data;
      const what = kind === 'set-aside' ? 'held in the store' : 'on order';
      if (from.backorderId === backorderId && to.backorderId !== backorderId) {
        return said(
          `${units(quantity)} of ${line(t, from.lineId)} ${what} on ${number} given to ${to.customerName} (${to.backorderNumber})`,
          reason,
        );
      }
      return said(
        `${units(quantity)} ${what} on ${number} handed over from another order to ${line(t, to.lineId)}`,
        reason,
      );
    }
    case 'PurchaseOrderSubmitted':
      return said(`${number} sent to the vendor with ${mine(event.data.affected)}`);
    case 'PurchaseOrderAcknowledged': {
      const { etas, affected, vendorReference } = event.data;
      const expected = affected
        .filter((a) => a.backorderId === backorderId)
        .flatMap((a) => {
          const eta = etas.find((e) => e.poLineId === a.poLineId)?.eta;
          return eta ? [`${line(t, a.lineId)} expected ${eta}`] : [];
        });
      const reference = vendorReference ? ` (vendor reference ${vendorReference})` : '';
      return said(
        `${number} confirmed by the vendor${reference}${expected.length > 0 ? `: ${distinct(expected).join(', ')}` : ''}`,
      );
    }
    case 'PurchaseOrderLineEtaRevised': {
      const { previous, eta, source, reason, affected } = event.data;
      const change = previous ? `revised from ${previous} to ${eta}` : `set to ${eta}`;
      return said(
        `ETA for ${number} line ${change} by ${source === 'vendor' ? 'the vendor' : 'staff'}, for ${mine(affected)}`,
        reason,
      );
    }
    case 'PurchaseOrderReceiptRecorded': {
      const { receiptId, lines } = event.data;
      const forUs = (list: readonly SetAsideUnits[]) =>
        list.filter((u) => u.backorderId === backorderId);
      const parts = lines.flatMap((received) => [
        ...forUs(received.setAside).map(
          (u) => `${units(u.quantity)} of ${line(t, u.lineId)} set aside on arrival`,
        ),
        ...forUs(received.substitution?.offered ?? []).map(
          (u) =>
            `${units(u.quantity)} of ${label(received.substitution!.product)} arrived instead for ${line(t, u.lineId)}`,
        ),
      ]);
      return said(`${parts.join('; ')} (receipt ${receiptId} on ${number})`);
    }
    case 'PurchaseOrderSubstitutionResolved': {
      const { lineId, quantity, accepted } = event.data;
      return said(
        `${number} ${accepted ? 'counts' : 'no longer counts'} ${units(quantity)} of the substitute as received for ${line(t, lineId)}`,
      );
    }
    case 'PurchaseOrderLineCancelled':
      return said(
        `${number}: the PO line for ${mine(event.data.affected)} was cancelled`,
        event.data.reason,
      );
    case 'PurchaseOrderCancelled':
      return said(
        `${number} cancelled; it was to supply ${mine(event.data.affected)}`,
        event.data.reason,
      );
    case 'PurchaseOrderClosed':
      return said(
        `${number} closed without the units still due for ${mine(event.data.affected)}`,
        event.data.reason,
      );
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** "line 2 (Heriz 5'3" x 7'6")". */
export function line(t: BackorderTimeline, lineId: string): string {
  const name = t.lines[lineId];
  return name ? `line ${name.lineNumber} (${name.label})` : `line ${lineId}`;
}

function lineList(t: BackorderTimeline, lineIds: readonly string[]): string {
  const unique = [...new Set(lineIds)].map((id) => line(t, id));
  return unique.length === 0 ? 'no line of this order' : unique.join(', ');
}

function po(t: BackorderTimeline, poId: string): string {
  return t.purchaseOrders[poId] ?? 'a purchase order';
}

function label(product: ProductSnapshot): string {
  return product.size && !product.name.includes(product.size)
    ? `${product.name} ${product.size}`
    : product.name;
}

function units(n: number): string {
  return n === 1 ? '1 unit' : `${n} units`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fate(disposition: Disposition | null): string {
  switch (disposition) {
    case 'cancel-po-line':
      return '; its units on order are cancelled with the vendor';
    case 'keep-as-stock':
      return '; its units are kept as stock';
    case 'give-to-next-customer':
      return '; its units go to the next waiting customer';
    default:
      return '';
  }
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
