import type {
  BackorderEvent,
  BackorderLineOnPurchaseOrder,
  BackorderPlaced,
  FreedSupply,
} from '../backorders/backorder.events';
import type { LineRef, StockEvent, StockReceived } from '../inventory/stock.events';
import type {
  PurchaseOrderAllocationReleased,
  PurchaseOrderAllocationTransferred,
  PurchaseOrderEvent,
  PurchaseOrderLineAdded,
  PurchaseOrderLineAllocated,
  PurchaseOrderReceiptRecorded,
  PurchaseOrderSubstitutionResolved,
  SetAsideUnits,
} from '../purchasing/purchase-order.events';
import type { Position, RecordedEvent } from '../shared/eventstore/event-envelope';
import type { EventStore } from '../shared/eventstore/event-store.port';

/**
 * An auditor's re-check of the ledger's invariants over the raw log. It folds the events with its
 * own arithmetic and never with the deciders' evolve: a check that reused the code it audits would
 * repeat that code's mistakes instead of finding them. Every rule is checked after every event, so
 * a violation names the event that broke the rule; a breach is reported once, when it begins.
 *
 * Purchase orders. An allocation's units are its outstanding units (still owed by the vendor)
 * plus its set-aside units (arrived and held for the customer). "Allocated" starts at the
 * allocation's quantity and drops only by what is let go: units released on order or released
 * held, held units handed to another customer, units no longer coming once the PO line is
 * cancelled or the PO cancelled or closed short. Units set aside on arrival, handed over from
 * another customer or accepted as substitutes turn outstanding units into set-aside ones, so
 * they do not change it. Offered substitutes are outstanding units waiting for the customer's
 * answer and are not counted again.
 * - po-line-over-allocated: on a PO line, the sum of its allocations' allocated units never
 *   exceeds the line's quantity (what is ordered beyond it, and over-receipts, are for stock).
 * - set-aside-exceeds-received: on a PO line, units set aside never exceed the units received on
 *   it (receipts, plus substitutes customers accepted); within one receipt line, units set aside
 *   never exceed the units that arrived in it (earlier arrivals already went to stock), nor
 *   substitutes offered the substitutes that arrived; a substitute accepted was offered first.
 * - allocation-set-aside-exceeds-allocated: an allocation's set-aside units never exceed what is
 *   allocated to it (its outstanding units are never negative).
 * - allocation-units-negative: an allocation never releases or hands over more held units than
 *   it has set aside.
 *
 * Stock, per product. On hand moves by adjustments, receipts and issues; a customer line's
 * reservation by receipts reserving for it, reservations, releases, transfers and issues.
 * "Reserved" is the sum of the lines' reservations, so a unit held for two customers shows as:
 * - stock-reserved-exceeds-on-hand: reserved never exceeds on hand (a negative on hand as none);
 * - stock-on-hand-negative, stock-reservation-negative: neither ever goes below zero;
 * - set-aside-exceeds-received: a receipt never reserves more units than it brought.
 *
 * Customer lines. A line holds units linked from stock (the link records the line's total),
 * units set aside for it (on a receipt, handed over, or a substitute accepted), and nothing
 * once picked up. When a change lets held units go, the units from purchase orders go first and
 * the stock links last, as the line records it. Its PO allocations are the units recorded on
 * purchase orders, less those let go on order, lost to a cancelled or short PO, or let go held.
 * - line-held-exceeds-quantity: the units held for a line never exceed its quantity;
 * - line-allocated-exceeds-quantity: its PO allocations never exceed its quantity;
 * - line-units-negative: a line never lets go of more units than it has.
 *
 * Across streams.
 * - allocated-to-two-customers: an allocation is made once, recorded on exactly the customer
 *   line it was made for, and units set aside, offered or handed over for it are labelled for
 *   that line.
 * - unknown-reference: events about purchase orders and customer lines name only POs, PO lines,
 *   allocations and customer lines that earlier events created, and a customer line records only
 *   an allocation its PO line made (stock reservations are compared with the lines at the end).
 * - recorded-total-mismatch: totals an event records (a PO line's or customer line's quantity
 *   before a change, units received before a receipt, units to stock, stock on hand, a line's
 *   stock held) agree with the log's own sums.
 * - quantity-not-valid: every count of units is a whole number, never negative.
 *
 * At the end of the log, because reactors bring aggregates into step eventually, differences
 * are discrepancies rather than violations:
 * - set-aside-disagrees: for each customer line, the units the PO log says are set aside for it
 *   equal the units the line's own log says arrived from purchase orders and were not let go;
 * - stock-hold-disagrees: for each customer line, the units stock holds for it equal the units
 *   the line holds (and substitutes offered to it), none once it is picked up.
 */

export type InvariantRule =
  | 'po-line-over-allocated'
  | 'set-aside-exceeds-received'
  | 'allocation-set-aside-exceeds-allocated'
  | 'allocation-units-negative'
  | 'stock-reserved-exceeds-on-hand'
  | 'stock-on-hand-negative'
  | 'stock-reservation-negative'
  | 'line-held-exceeds-quantity'
  | 'line-allocated-exceeds-quantity'
  | 'line-units-negative'
  | 'allocated-to-two-customers'
  | 'unknown-reference'
  | 'recorded-total-mismatch'
  | 'quantity-not-valid';

export interface Violation {
  readonly rule: InvariantRule;
  readonly eventId: string;
  readonly eventType: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: Position;
  readonly message: string;
}

export interface Discrepancy {
  readonly rule: 'set-aside-disagrees' | 'stock-hold-disagrees';
  readonly backorderId: string;
  readonly lineId: string;
  readonly message: string;
}

export interface AuditSummary {
  readonly events: number;
  readonly purchaseOrders: number;
  readonly purchaseOrderLines: number;
  readonly allocations: number;
  readonly products: number;
  readonly customerLines: number;
}

export interface AuditReport {
  readonly summary: AuditSummary;
  readonly violations: readonly Violation[];
  readonly discrepancies: readonly Discrepancy[];
}

type AuditedEvent = PurchaseOrderEvent | StockEvent | BackorderEvent;

interface PoLineTally {
  readonly poId: string;
  readonly poLineId: string;
  quantity: number;
  received: number;
  readonly allocations: Set<string>;
}

interface AllocationTally {
  readonly allocationId: string;
  readonly poLine: PoLineTally;
  /** The customer line it was made for. */
  readonly line: string;
  allocated: number;
  setAside: number;
}

interface StockTally {
  readonly productId: string;
  onHand: number;
  /** The sum of the lines' reservations. */
  reserved: number;
  readonly reservations: Map<string, number>;
}

interface CustomerLineTally {
  readonly ref: LineRef;
  quantity: number;
  state: 'open' | 'cancelled' | 'fulfilled';
  /** Units linked from stock that was on hand. */
  linked: number;
  /** Units that came for its PO allocations and were not let go; kept after pickup, as the POs keep them. */
  fromOrders: number;
  /** Units set aside that name no PO allocation. */
  otherHeld: number;
  /** Substitutes offered and not answered yet. */
  offered: number;
  /** Units recorded on POs, less those let go: on order and arrived alike. */
  onPurchaseOrders: number;
}

const key = (...parts: readonly string[]) => parts.join('/');

/** Fed the log one event at a time, in order; returns what each event broke. */
export class InvariantChecker {
  private readonly poNumbers = new Map<string, string>();
  private readonly poLines = new Map<string, PoLineTally>();
  private readonly linesOfPo = new Map<string, PoLineTally[]>();
  private readonly allocations = new Map<string, AllocationTally>();
  /** Substitute units offered and not answered yet, by PO, receipt and allocation. */
  private readonly offers = new Map<string, number>();
  private readonly stock = new Map<string, StockTally>();
  private readonly backorderNumbers = new Map<string, string>();
  private readonly lines = new Map<string, CustomerLineTally>();
  private readonly refs = new Map<string, LineRef>();
  /** Which customer line's log recorded each allocation. */
  private readonly recordedOn = new Map<string, string>();
  /** Breaches still standing: a breach is reported when it begins, not on every later event. */
  private readonly standing = new Set<string>();
  private events = 0;
  private current: RecordedEvent | null = null;
  private found: Violation[] = [];

  check(event: RecordedEvent): Violation[] {
    this.events += 1;
    this.current = event;
    this.found = [];
    this.apply({ type: event.type, data: event.data } as AuditedEvent);
    return this.found;
  }

  summary(): AuditSummary {
    return {
      events: this.events,
      purchaseOrders: this.linesOfPo.size,
      purchaseOrderLines: this.poLines.size,
      allocations: this.allocations.size,
      products: this.stock.size,
      customerLines: this.lines.size,
    };
  }

  /** The cross-checks that hold only once every reactor has caught up with the log. */
  finish(): Discrepancy[] {
    const setAside = new Map<string, number>();
    for (const a of this.allocations.values())
      setAside.set(a.line, (setAside.get(a.line) ?? 0) + a.setAside);
    const stockHeld = new Map<string, number>();
    for (const tally of this.stock.values()) {
      for (const [line, units] of tally.reservations)
        stockHeld.set(line, (stockHeld.get(line) ?? 0) + units);
    }
    const discrepancies: Discrepancy[] = [];
    const lines = new Set([...setAside.keys(), ...stockHeld.keys(), ...this.lines.keys()]);
    for (const line of [...lines].sort()) {
      const { backorderId, lineId } = this.refs.get(line)!;
      const tally = this.lines.get(line);
      const name = this.describeLine(line);
      const onPurchaseOrders = setAside.get(line) ?? 0;
      const arrived = tally?.fromOrders ?? 0;
      if (onPurchaseOrders !== arrived) {
        discrepancies.push({
          rule: 'set-aside-disagrees',
          backorderId,
          lineId,
          message: `the purchase orders have ${onPurchaseOrders} units set aside for ${name}; its own log has ${arrived}`,
        });
      }
      const inStock = stockHeld.get(line) ?? 0;
      const held = tally && tally.state !== 'fulfilled' ? this.held(tally) + tally.offered : 0;
      if (inStock !== held) {
        discrepancies.push({
          rule: 'stock-hold-disagrees',
          backorderId,
          lineId,
          message: `stock holds ${inStock} units for ${name}; its own log holds ${held}`,
        });
      }
    }
    return discrepancies;
  }

  private apply(event: AuditedEvent): void {
    switch (event.type) {
      case 'PurchaseOrderOpened':
        this.poNumbers.set(event.data.poId, event.data.number);
        return;
      case 'PurchaseOrderLineAdded':
        return this.poLineAdded(event.data);
      case 'PurchaseOrderLineQuantityChanged': {
        const line = this.poLine(event.data.poId, event.data.poLineId);
        if (!line) return;
        this.agrees(
          `po-line ${line.poId}/${line.poLineId}`,
          event.data.from,
          line.quantity,
          'ordered',
        );
        line.quantity = this.whole(event.data.to, 'the PO line quantity');
        return this.checkPoLine(line);
      }
      case 'PurchaseOrderLineAllocated':
        return this.allocated(event.data);
      case 'PurchaseOrderAllocationReleased':
        return this.released(event.data);
      case 'PurchaseOrderAllocationTransferred':
        return this.transferred(event.data);
      case 'PurchaseOrderReceiptRecorded':
        return this.received(event.data);
      case 'PurchaseOrderSubstitutionResolved':
        return this.substitutionResolved(event.data);
      case 'PurchaseOrderLineCancelled': {
        const line = this.poLine(event.data.poId, event.data.poLineId);
        if (line) this.nothingOutstanding([line]);
        return;
      }
      case 'PurchaseOrderCancelled':
      case 'PurchaseOrderClosed':
        this.poKnown(event.data.poId);
        return this.nothingOutstanding(this.linesOfPo.get(event.data.poId) ?? []);
      case 'StockAdjusted': {
        const tally = this.stockOf(event.data.productId);
        if (!Number.isInteger(event.data.delta))
          this.report('quantity-not-valid', `the adjustment is ${event.data.delta} units`);
        else tally.onHand += event.data.delta;
        this.agreesOnHand(tally, event.data.onHand);
        return this.checkStock(tally, []);
      }
      case 'StockReceived':
        return this.stockReceived(event.data);
      case 'StockReserved': {
        const { productId, reservation, held } = event.data;
        const tally = this.stockOf(productId);
        this.reserve(tally, reservation, this.whole(reservation.quantity, 'the reservation'));
        const line = this.lineKey(reservation);
        this.agrees(`stock ${productId} ${line}`, held, tally.reservations.get(line)!, 'held');
        return this.checkStock(tally, [reservation]);
      }
      case 'StockReservationReleased': {
        const tally = this.stockOf(event.data.productId);
        this.reserve(tally, event.data, -this.whole(event.data.quantity, 'the release'));
        return this.checkStock(tally, [event.data]);
      }
      case 'StockReservationTransferred': {
        const { productId, from, to, quantity } = event.data;
        const tally = this.stockOf(productId);
        const units = this.whole(quantity, 'the transfer');
        this.reserve(tally, from, -units);
        this.reserve(tally, to, units);
        return this.checkStock(tally, [from, to]);
      }
      case 'StockIssued': {
        const tally = this.stockOf(event.data.productId);
        const units = this.whole(event.data.quantity, 'the issue');
        this.reserve(tally, event.data, -units);
        tally.onHand -= units;
        this.agreesOnHand(tally, event.data.onHand);
        return this.checkStock(tally, [event.data]);
      }
      case 'BackorderPlaced':
        return this.backorderPlaced(event.data);
      case 'BackorderLineLinkedToStock':
        return this.onLine(event.data, (line) => {
          line.linked = this.whole(event.data.quantity, 'the units linked');
        });
      case 'BackorderLineOnPurchaseOrder':
        return this.onLine(event.data, (line) => this.recordAllocation(line, event.data));
      case 'BackorderLineUnitsSetAside':
        return this.onLine(event.data, (line) => {
          const units = this.whole(event.data.quantity, 'the units set aside');
          if (event.data.allocationId === null) {
            line.otherHeld += units;
            return;
          }
          this.forLine(event.data.allocationId, event.data, 'set aside');
          line.fromOrders += units;
        });
      case 'BackorderLineSubstitutionOffered':
        return this.onLine(event.data, (line) => {
          line.offered += this.whole(event.data.quantity, 'the substitutes offered');
        });
      case 'BackorderLineSubstitutionAccepted':
        return this.onLine(event.data, (line) => {
          const units = this.whole(event.data.quantity, 'the substitutes accepted');
          this.forLine(event.data.allocationId, event.data, 'accepted as substitutes');
          line.offered -= units;
          line.fromOrders += units;
        });
      case 'BackorderLineSubstitutionRejected':
        return this.onLine(event.data, (line) => {
          line.offered -= this.whole(event.data.quantity, 'the substitutes declined');
        });
      case 'BackorderLineFulfilled':
        return this.onLine(event.data, (line) => {
          line.state = 'fulfilled';
        });
      case 'BackorderLineQuantityChanged':
        return this.onLine(event.data, (line) => {
          const { from, to, freed } = event.data;
          this.agrees(`line ${this.lineKey(line.ref)}`, from, line.quantity, 'ordered');
          if (to < from) this.letGo(line, freed);
          line.quantity = this.whole(to, 'the new quantity');
        });
      case 'BackorderLineCancelled':
        return this.onLine(event.data, (line) => {
          this.letGo(line, event.data.freed);
          line.quantity = 0;
          line.state = 'cancelled';
        });
      case 'BackorderLineExceptionRaised':
        return this.onLine(event.data, (line) => {
          line.onPurchaseOrders -= this.whole(event.data.quantity, 'the units lost');
        });
      default:
        // The other events (vendors, products, customers, ETAs, notices) move no unit.
        return;
    }
  }

  private poLineAdded(data: PurchaseOrderLineAdded['data']): void {
    this.poKnown(data.poId);
    const quantity = this.whole(data.quantity, 'the PO line quantity');
    // A cancelled line's id comes back when its product is ordered again on the same PO.
    const existing = this.poLines.get(key(data.poId, data.poLineId));
    if (existing) {
      existing.quantity = quantity;
      return this.checkPoLine(existing);
    }
    const line: PoLineTally = {
      poId: data.poId,
      poLineId: data.poLineId,
      quantity,
      received: 0,
      allocations: new Set(),
    };
    this.poLines.set(key(data.poId, data.poLineId), line);
    const lines = this.linesOfPo.get(data.poId) ?? [];
    lines.push(line);
    this.linesOfPo.set(data.poId, lines);
    this.checkPoLine(line);
  }

  private allocated(data: PurchaseOrderLineAllocated['data']): void {
    const { allocation } = data;
    const line = this.poLine(data.poId, data.poLineId);
    if (!line) return;
    const earlier = this.allocations.get(allocation.allocationId);
    if (earlier) {
      this.report(
        'allocated-to-two-customers',
        `allocation ${allocation.allocationId} was already made on ${this.describePoLine(earlier.poLine)} for ${this.describeLine(earlier.line)}`,
      );
      return;
    }
    const tally: AllocationTally = {
      allocationId: allocation.allocationId,
      poLine: line,
      line: this.lineKey(allocation),
      allocated: this.whole(allocation.quantity, 'the units allocated'),
      setAside: 0,
    };
    this.allocations.set(tally.allocationId, tally);
    line.allocations.add(tally.allocationId);
    const recorded = this.recordedOn.get(tally.allocationId);
    if (recorded !== undefined && recorded !== tally.line) {
      this.report(
        'allocated-to-two-customers',
        `allocation ${tally.allocationId} is made for ${this.describeLine(tally.line)} but ${this.describeLine(recorded)} recorded it`,
      );
    }
    this.checkPoLine(line);
  }

  private released(data: PurchaseOrderAllocationReleased['data']): void {
    const allocation = this.allocation(data.poId, data.poLineId, data.allocationId);
    if (!allocation) return;
    const onOrder = this.whole(data.quantity, 'the units released on order');
    const held = this.whole(data.heldReleased, 'the held units released');
    allocation.allocated -= onOrder + held;
    allocation.setAside -= held;
    this.checkAllocation(allocation);
    this.checkPoLine(allocation.poLine);
  }

  private transferred(data: PurchaseOrderAllocationTransferred['data']): void {
    const from = this.allocation(data.poId, data.poLineId, data.from.allocationId);
    const to = this.allocation(data.poId, data.poLineId, data.to.allocationId);
    if (!from || !to) return;
    this.labelled(from, data.from, 'handed over');
    this.labelled(to, data.to, 'handed over');
    const units = this.whole(data.quantity, 'the units handed over');
    from.allocated -= units;
    from.setAside -= units;
    to.setAside += units;
    this.checkAllocation(from);
    this.checkAllocation(to);
    this.checkPoLine(from.poLine);
  }

  private received(data: PurchaseOrderReceiptRecorded['data']): void {
    for (const received of data.lines) {
      const line = this.poLine(data.poId, received.poLineId);
      if (!line) continue;
      const subject = `receipt ${data.receiptId} ${line.poLineId}`;
      const where = `receipt ${data.receiptId} on ${this.describePoLine(line)}`;
      const arrived = this.whole(received.quantity, 'the units received');
      this.agrees(subject, received.receivedBefore, line.received, 'received before');
      line.received += arrived;
      const setAside = this.hold(line, received.setAside, 'set aside', (allocation, units) => {
        allocation.setAside += units;
      });
      if (setAside > arrived)
        this.report(
          'set-aside-exceeds-received',
          `${where} sets aside ${setAside} units but ${arrived} arrived in it`,
        );
      this.agrees(subject, received.toStock, arrived - setAside, 'to stock');
      const substitution = received.substitution;
      if (substitution) {
        const substitutes = this.whole(substitution.quantity, 'the substitutes received');
        const offered = this.hold(line, substitution.offered, 'offered', (allocation, units) => {
          const offer = key(data.poId, data.receiptId, allocation.allocationId);
          this.offers.set(offer, (this.offers.get(offer) ?? 0) + units);
        });
        if (offered > substitutes)
          this.report(
            'set-aside-exceeds-received',
            `${where} offers ${offered} substitute units but ${substitutes} arrived`,
          );
        this.agrees(subject, substitution.toStock, substitutes - offered, 'substitutes to stock');
      }
      this.checkPoLine(line);
    }
  }

  /** Units of a receipt line meant for customers; returns how many. */
  private hold(
    line: PoLineTally,
    held: readonly SetAsideUnits[],
    what: string,
    apply: (allocation: AllocationTally, units: number) => void,
  ): number {
    let total = 0;
    for (const units of held) {
      const count = this.whole(units.quantity, `the units ${what}`);
      total += count;
      const allocation = this.allocation(line.poId, line.poLineId, units.allocationId);
      if (!allocation) continue;
      this.labelled(allocation, units, what);
      apply(allocation, count);
      this.checkAllocation(allocation);
    }
    return total;
  }

  private substitutionResolved(data: PurchaseOrderSubstitutionResolved['data']): void {
    const allocation = this.allocation(data.poId, data.poLineId, data.allocationId);
    const offer = key(data.poId, data.receiptId, data.allocationId);
    const offered = this.offers.get(offer) ?? 0;
    this.offers.delete(offer);
    if (!allocation || !data.accepted) return;
    const units = this.whole(data.quantity, 'the substitutes accepted');
    if (units > offered)
      this.report(
        'set-aside-exceeds-received',
        `${this.describePoLine(allocation.poLine)} counts ${units} substitute units as received for allocation ${data.allocationId} but receipt ${data.receiptId} offered it ${offered}`,
      );
    allocation.poLine.received += units;
    allocation.setAside += units;
    this.checkAllocation(allocation);
    this.checkPoLine(allocation.poLine);
  }

  /** A cancelled line, or a cancelled or closed PO, owes its customers nothing more. */
  private nothingOutstanding(lines: readonly PoLineTally[]): void {
    for (const line of lines) {
      for (const id of line.allocations) {
        const allocation = this.allocations.get(id)!;
        allocation.allocated = Math.min(allocation.allocated, allocation.setAside);
      }
      this.checkPoLine(line);
    }
  }

  private stockReceived(data: StockReceived['data']): void {
    const tally = this.stockOf(data.productId);
    const arrived = this.whole(data.quantity, 'the units received');
    tally.onHand += arrived;
    let reserved = 0;
    for (const reservation of data.reservedFor) {
      const units = this.whole(reservation.quantity, 'the reservation');
      reserved += units;
      this.reserve(tally, reservation, units);
    }
    if (reserved > arrived)
      this.report(
        'set-aside-exceeds-received',
        `receipt ${data.receiptId} reserves ${reserved} units of product ${data.productId} but brought ${arrived}`,
      );
    this.agreesOnHand(tally, data.onHand);
    this.checkStock(tally, data.reservedFor);
  }

  private reserve(tally: StockTally, ref: LineRef, units: number): void {
    const line = this.lineKey(ref);
    tally.reservations.set(line, (tally.reservations.get(line) ?? 0) + units);
    tally.reserved += units;
  }

  private backorderPlaced(data: BackorderPlaced['data']): void {
    this.backorderNumbers.set(data.backorderId, data.number);
    for (const placed of data.lines) {
      const ref = { backorderId: data.backorderId, lineId: placed.lineId };
      const line = this.lineKey(ref);
      if (this.lines.has(line)) continue;
      this.lines.set(line, {
        ref,
        quantity: this.whole(placed.quantity, 'the units ordered'),
        state: 'open',
        linked: 0,
        fromOrders: 0,
        otherHeld: 0,
        offered: 0,
        onPurchaseOrders: 0,
      });
    }
  }

  private recordAllocation(
    line: CustomerLineTally,
    data: BackorderLineOnPurchaseOrder['data'],
  ): void {
    const id = this.lineKey(line.ref);
    const earlier = this.recordedOn.get(data.allocationId);
    if (earlier !== undefined) {
      this.report(
        'allocated-to-two-customers',
        earlier === id
          ? `allocation ${data.allocationId} is recorded on ${this.describeLine(id)} a second time`
          : `allocation ${data.allocationId} is recorded on ${this.describeLine(id)} but ${this.describeLine(earlier)} recorded it first`,
      );
      return;
    }
    this.recordedOn.set(data.allocationId, id);
    const made = this.allocations.get(data.allocationId);
    if (made?.poLine.poId !== data.poId || made.poLine.poLineId !== data.poLineId)
      this.report(
        'unknown-reference',
        `allocation ${data.allocationId} recorded on ${this.describeLine(id)} was never made on line ${data.poLineId} of ${data.poNumber}`,
      );
    else if (made.line !== id)
      this.report(
        'allocated-to-two-customers',
        `allocation ${data.allocationId} was made for ${this.describeLine(made.line)} but ${this.describeLine(id)} records it`,
      );
    line.onPurchaseOrders += this.whole(data.quantity, 'the units on order');
  }

  /** What a smaller or cancelled line lets go of: the event names the held units from purchase orders. */
  private letGo(line: CustomerLineTally, freed: FreedSupply): void {
    for (const units of freed.purchaseOrderUnits)
      line.onPurchaseOrders -= this.whole(units.quantity, 'the units let go on order');
    let held =
      freed.released.reduce(
        (n, u) => n + this.whole(u.quantity, 'the units released to stock'),
        0,
      ) + this.whole(freed.handedOver, 'the units handed over');
    const named = freed.heldUnits.reduce(
      (n, u) => n + this.whole(u.quantity, 'the held units let go'),
      0,
    );
    const fromOrders = Math.min(held, named, Math.max(0, line.fromOrders));
    line.fromOrders -= fromOrders;
    line.onPurchaseOrders -= fromOrders;
    held -= fromOrders;
    const other = Math.min(held, Math.max(0, line.otherHeld));
    line.otherHeld -= other;
    line.linked -= held - other;
  }

  private onLine(ref: LineRef, change: (line: CustomerLineTally) => void): void {
    const line = this.lines.get(this.lineKey(ref));
    if (!line) {
      this.report('unknown-reference', `${this.describeLine(this.lineKey(ref))} was never placed`);
      return;
    }
    change(line);
    this.checkLine(line);
  }

  private checkPoLine(line: PoLineTally): void {
    let allocated = 0;
    let setAside = 0;
    for (const id of line.allocations) {
      const allocation = this.allocations.get(id)!;
      allocated += allocation.allocated;
      setAside += allocation.setAside;
    }
    const subject = `${line.poId}/${line.poLineId}`;
    this.rule(
      'po-line-over-allocated',
      subject,
      allocated > line.quantity,
      () =>
        `${this.describePoLine(line)} has ${allocated} units allocated to customers but orders ${line.quantity}`,
    );
    this.rule(
      'set-aside-exceeds-received',
      subject,
      setAside > line.received,
      () =>
        `${this.describePoLine(line)} has ${setAside} units set aside for customers but received ${line.received}`,
    );
  }

  private checkAllocation(allocation: AllocationTally): void {
    const name = () =>
      `allocation ${allocation.allocationId} for ${this.describeLine(allocation.line)} on ${this.describePoLine(allocation.poLine)}`;
    this.rule(
      'allocation-units-negative',
      allocation.allocationId,
      allocation.setAside < 0,
      () => `${name()} let go of ${-allocation.setAside} more held units than it had set aside`,
    );
    this.rule(
      'allocation-set-aside-exceeds-allocated',
      allocation.allocationId,
      allocation.setAside > allocation.allocated,
      () =>
        `${name()} has ${allocation.setAside} units set aside but ${allocation.allocated} allocated`,
    );
  }

  private checkStock(tally: StockTally, touched: readonly LineRef[]): void {
    const product = `product ${tally.productId}`;
    this.rule(
      'stock-on-hand-negative',
      tally.productId,
      tally.onHand < 0,
      () => `${product} has ${tally.onHand} units on hand`,
    );
    this.rule(
      'stock-reserved-exceeds-on-hand',
      tally.productId,
      // Below zero on hand is its own breach; this one is about units held that are not there.
      tally.reserved > Math.max(0, tally.onHand),
      () =>
        `${product} has ${tally.reserved} units reserved for customers but ${tally.onHand} on hand`,
    );
    for (const ref of touched) {
      const line = this.lineKey(ref);
      const held = tally.reservations.get(line) ?? 0;
      this.rule(
        'stock-reservation-negative',
        `${tally.productId} ${line}`,
        held < 0,
        () => `${product} reserves ${held} units for ${this.describeLine(line)}`,
      );
    }
  }

  private checkLine(line: CustomerLineTally): void {
    const subject = this.lineKey(line.ref);
    const name = this.describeLine(subject);
    const negative = (
      [
        ['linked from stock', line.linked],
        ['set aside from purchase orders', line.fromOrders],
        ['set aside otherwise', line.otherHeld],
        ['offered as substitutes', line.offered],
        ['allocated on purchase orders', line.onPurchaseOrders],
      ] as const
    ).filter(([, units]) => units < 0);
    this.rule(
      'line-units-negative',
      subject,
      negative.length > 0,
      () =>
        `${name} let go of more units than it had: ${negative.map(([what, units]) => `${units} ${what}`).join(', ')}`,
    );
    const held = line.state === 'fulfilled' ? 0 : this.held(line);
    this.rule(
      'line-held-exceeds-quantity',
      subject,
      held > line.quantity,
      () => `${name} holds ${held} units for the customer but orders ${line.quantity}`,
    );
    this.rule(
      'line-allocated-exceeds-quantity',
      subject,
      line.onPurchaseOrders > line.quantity,
      () =>
        `${name} has ${line.onPurchaseOrders} units allocated on purchase orders but orders ${line.quantity}`,
    );
  }

  private held(line: CustomerLineTally): number {
    return line.linked + line.fromOrders + line.otherHeld;
  }

  /** Reports a breach when it begins; once mended, it is reported again if it recurs. */
  private rule(rule: InvariantRule, subject: string, broken: boolean, message: () => string): void {
    const breach = `${rule} ${subject}`;
    if (!broken) {
      this.standing.delete(breach);
      return;
    }
    if (this.standing.has(breach)) return;
    this.standing.add(breach);
    this.report(rule, message());
  }

  private agrees(subject: string, recorded: number, computed: number, what: string): void {
    this.rule(
      'recorded-total-mismatch',
      `${subject} ${what}`,
      recorded !== computed,
      () => `the event records ${recorded} ${what} where the log adds up to ${computed}`,
    );
  }

  private agreesOnHand(tally: StockTally, recorded: number): void {
    this.agrees(
      `stock ${tally.productId}`,
      recorded,
      tally.onHand,
      `on hand of ${tally.productId}`,
    );
  }

  /** A count of units: reported, and counted as none, unless it is a whole number from 0. */
  private whole(units: number, what: string): number {
    if (Number.isInteger(units) && units >= 0) return units;
    this.report('quantity-not-valid', `${what}: ${String(units)} is not a whole number of units`);
    return 0;
  }

  private poKnown(poId: string): void {
    if (!this.poNumbers.has(poId))
      this.report('unknown-reference', `purchase order ${poId} was never opened`);
  }

  private poLine(poId: string, poLineId: string): PoLineTally | undefined {
    const line = this.poLines.get(key(poId, poLineId));
    if (!line)
      this.report(
        'unknown-reference',
        `line ${poLineId} was never added to ${this.poNumbers.get(poId) ?? `PO ${poId}`}`,
      );
    return line;
  }

  private allocation(
    poId: string,
    poLineId: string,
    allocationId: string,
  ): AllocationTally | undefined {
    const line = this.poLine(poId, poLineId);
    if (!line) return undefined;
    if (!line.allocations.has(allocationId)) {
      this.report(
        'unknown-reference',
        `allocation ${allocationId} was never made on ${this.describePoLine(line)}`,
      );
      return undefined;
    }
    return this.allocations.get(allocationId);
  }

  /** Units moved for an allocation are labelled for the customer line it was made for. */
  private labelled(allocation: AllocationTally, units: LineRef, what: string): void {
    const named = this.lineKey(units);
    if (named !== allocation.line)
      this.report(
        'allocated-to-two-customers',
        `units ${what} for allocation ${allocation.allocationId} of ${this.describeLine(allocation.line)} are labelled for ${this.describeLine(named)}`,
      );
  }

  /** Units a customer line's log says came for an allocation come for the line it was made for. */
  private forLine(allocationId: string, ref: LineRef, what: string): void {
    const line = this.lineKey(ref);
    const owner = this.allocations.get(allocationId)?.line ?? this.recordedOn.get(allocationId);
    if (owner !== undefined && owner !== line)
      this.report(
        'allocated-to-two-customers',
        `units of allocation ${allocationId}, made for ${this.describeLine(owner)}, are ${what} for ${this.describeLine(line)}`,
      );
  }

  private stockOf(productId: string): StockTally {
    let tally = this.stock.get(productId);
    if (!tally) {
      tally = { productId, onHand: 0, reserved: 0, reservations: new Map() };
      this.stock.set(productId, tally);
    }
    return tally;
  }

  private report(rule: InvariantRule, message: string): void {
    const event = this.current!;
    this.found.push({
      rule,
      eventId: event.id,
      eventType: event.type,
      stream: event.stream,
      revision: event.revision,
      position: event.position,
      message,
    });
  }

  /** A customer line's key, the one stock reservations use; its parts are kept to name it. */
  private lineKey(ref: LineRef): string {
    const line = key(ref.backorderId, ref.lineId);
    if (!this.refs.has(line))
      this.refs.set(line, { backorderId: ref.backorderId, lineId: ref.lineId });
    return line;
  }

  private describeLine(line: string): string {
    const { backorderId, lineId } = this.refs.get(line)!;
    return `line ${lineId} of ${this.backorderNumbers.get(backorderId) ?? `backorder ${backorderId}`}`;
  }

  private describePoLine(line: PoLineTally): string {
    return `line ${line.poLineId} of ${this.poNumbers.get(line.poId) ?? `PO ${line.poId}`}`;
  }
}

/** Reads the whole log, page by page, through the event store port and checks it. */
export async function auditEventLog(
  events: Pick<EventStore, 'readAll'>,
  pageSize = 1000,
): Promise<AuditReport> {
  const checker = new InvariantChecker();
  const violations: Violation[] = [];
  for await (const event of events.readAll({ pageSize })) violations.push(...checker.check(event));
  return { summary: checker.summary(), violations, discrepancies: checker.finish() };
}
