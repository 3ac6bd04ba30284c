import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { Money } from '../shared/domain/money';
import type { AllocationUnits, FreedSupply, PlacedLine, ProductUnits } from './backorder.events';

/** Units of a line allocated on a PO line and not received yet. */
export interface OrderedUnits {
  readonly poId: string;
  readonly poNumber: string;
  readonly poLineId: string;
  readonly vendorId: string;
  readonly quantity: number;
}

export interface PendingSubstitution {
  readonly receiptId: string;
  readonly poId: string;
  readonly poLineId: string;
  readonly allocationId: string;
  readonly substitute: ProductSnapshot;
  readonly quantity: number;
}

/** One customer line and everything that supplies it. */
export interface LineState {
  readonly lineId: string;
  readonly product: ProductSnapshot;
  /** What the customer gets: the ordered product, or a substitute they accepted. */
  readonly delivered: ProductSnapshot;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly state: 'open' | 'cancelled' | 'fulfilled';
  /** Stock was on hand at placement: staff decide between linking it and ordering. */
  readonly awaitingLink: boolean;
  /** Units asked for from a vendor and not on a PO yet. */
  readonly toOrder: number;
  readonly onOrder: Readonly<Record<string, OrderedUnits>>;
  /** Units held in the store for the customer (linked from stock, or set aside on arrival). */
  readonly reserved: number;
  /** The part of `reserved` linked from stock that was already on hand. */
  readonly linkedFromStock: number;
  /** Held units of the ordered product that arrived for a PO allocation, by allocation. */
  readonly heldFromOrders: Readonly<Record<string, OrderedUnits>>;
  /** Held units of an accepted substitute (the `delivered` product). */
  readonly substituteHeld: number;
  readonly substitution: PendingSubstitution | null;
  readonly exception: string | null;
  readonly noticed: boolean;
}

export type LineStatus =
  | 'awaiting-link'
  | 'to-order'
  | 'on-po'
  | 'partially-received'
  | 'set-aside'
  | 'ready'
  | 'picked-up'
  | 'cancelled'
  | 'exception';

export function placedLine(line: PlacedLine): LineState {
  const awaitingLink = line.availableInStock > 0;
  return {
    lineId: line.lineId,
    product: line.product,
    delivered: line.product,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    state: 'open',
    awaitingLink,
    toOrder: awaitingLink ? 0 : line.quantity,
    onOrder: {},
    reserved: 0,
    linkedFromStock: 0,
    heldFromOrders: {},
    substituteHeld: 0,
    substitution: null,
    exception: null,
    noticed: false,
  };
}

export function outstanding(line: LineState): number {
  return Object.values(line.onOrder).reduce((n, o) => n + o.quantity, 0);
}

/** Units nothing supplies yet: not held, not on order, not asked for, not offered as a substitute. */
export function unsupplied(line: LineState): number {
  if (line.state !== 'open') return 0;
  return Math.max(
    0,
    line.quantity -
      line.reserved -
      outstanding(line) -
      line.toOrder -
      (line.substitution?.quantity ?? 0),
  );
}

export function lineStatus(line: LineState): LineStatus {
  if (line.state === 'cancelled') return 'cancelled';
  if (line.state === 'fulfilled') return 'picked-up';
  if (line.exception !== null || line.substitution !== null) return 'exception';
  if (line.reserved >= line.quantity) return line.noticed ? 'ready' : 'set-aside';
  if (line.reserved > 0) return 'partially-received';
  if (outstanding(line) > 0) return 'on-po';
  return line.awaitingLink ? 'awaiting-link' : 'to-order';
}

/** Takes `quantity` outstanding units off an allocation (received, transferred or lost). */
export function consumeOrdered(
  line: LineState,
  allocationId: string | null,
  quantity: number,
): LineState {
  const ordered = allocationId ? line.onOrder[allocationId] : undefined;
  if (!ordered || !allocationId) return line;
  return { ...line, onOrder: adjust(line.onOrder, allocationId, ordered, -quantity) };
}

/** Units arrived (for an allocation, or handed over) and are held for the customer. */
export function receiveOrdered(
  line: LineState,
  allocationId: string | null,
  quantity: number,
): LineState {
  const ordered = allocationId ? line.onOrder[allocationId] : undefined;
  const taken = consumeOrdered(line, allocationId, quantity);
  const held = { ...taken, reserved: taken.reserved + quantity };
  if (!ordered || !allocationId) return held;
  const before = line.heldFromOrders[allocationId] ?? { ...ordered, quantity: 0 };
  return { ...held, heldFromOrders: adjust(line.heldFromOrders, allocationId, before, quantity) };
}

function adjust(
  units: Readonly<Record<string, OrderedUnits>>,
  allocationId: string,
  current: OrderedUnits,
  delta: number,
): Readonly<Record<string, OrderedUnits>> {
  const { [allocationId]: _current, ...others } = units;
  const quantity = current.quantity + delta;
  // Updated in place, not moved to the end: planRelease reads the key order as allocation order.
  return quantity > 0 ? { ...units, [allocationId]: { ...current, quantity } } : others;
}

/** Units that left the store with the customer, per product. */
export function issuedUnits(line: LineState): ProductUnits[] {
  const original = line.reserved - line.substituteHeld;
  return [
    ...(original > 0 ? [{ productId: line.product.productId, quantity: original }] : []),
    ...(line.substituteHeld > 0
      ? [{ productId: line.delivered.productId, quantity: line.substituteHeld }]
      : []),
  ];
}

/**
 * The supply a line lets go of when it shrinks to `quantity`: first what nothing supplies yet,
 * then units still on order (latest allocation first), then held units: those that arrived on
 * POs (latest first), an accepted substitute, then units linked from stock. The HTTP layer uses
 * it to act on the POs before the line records the change; the decider records the same.
 */
export function planRelease(line: LineState, quantity: number): FreedSupply {
  let excess = Math.max(0, line.quantity - quantity);
  excess -= Math.min(excess, unsupplied(line) + line.toOrder);
  const take = (available: number) => {
    const taken = Math.min(excess, available);
    excess -= taken;
    return taken;
  };
  const latestFirst = (units: Readonly<Record<string, OrderedUnits>>): AllocationUnits[] =>
    Object.entries(units)
      .reverse()
      .map(([allocationId, held]) => ({ allocationId, quantity: take(held.quantity) }))
      .filter((u) => u.quantity > 0);
  const purchaseOrderUnits = latestFirst(line.onOrder);
  const heldUnits = latestFirst(line.heldFromOrders);
  const fromOrders = heldUnits.reduce((n, u) => n + u.quantity, 0);
  const substitute = take(line.substituteHeld);
  const original = fromOrders + take(line.reserved - line.substituteHeld - fromOrders);
  return {
    purchaseOrderUnits,
    heldUnits,
    released: productUnits(line, original, substitute),
    handedOver: 0,
  };
}

/** The plan once the POs handed `handedOver` of its held units to the next customer. */
export function afterHandOver(plan: FreedSupply, line: LineState, handedOver: number): FreedSupply {
  const original = plan.released.find((u) => u.productId === line.product.productId)?.quantity ?? 0;
  const substitute =
    plan.released.find((u) => u.productId !== line.product.productId)?.quantity ?? 0;
  const given = Math.min(handedOver, original);
  return { ...plan, released: productUnits(line, original - given, substitute), handedOver: given };
}

/** Applies a release to the line's supply (the units are gone from it, whatever their fate). */
export function releaseSupply(line: LineState, freed: FreedSupply, quantity: number): LineState {
  const reduced = freed.purchaseOrderUnits.reduce(
    (l, u) => consumeOrdered(l, u.allocationId, u.quantity),
    line,
  );
  let heldFromOrders = reduced.heldFromOrders;
  for (const units of freed.heldUnits) {
    const held = heldFromOrders[units.allocationId];
    if (held) heldFromOrders = adjust(heldFromOrders, units.allocationId, held, -units.quantity);
  }
  const leaving = freed.released.reduce((n, u) => n + u.quantity, 0) + freed.handedOver;
  const fromOrders = freed.heldUnits.reduce((n, u) => n + u.quantity, 0);
  const substitute = Math.min(reduced.substituteHeld, leaving - fromOrders);
  const fromStock = Math.min(reduced.linkedFromStock, leaving - fromOrders - substitute);
  const reserved = reduced.reserved - leaving;
  const stillWanted =
    quantity - reserved - outstanding(reduced) - (reduced.substitution?.quantity ?? 0);
  return {
    ...reduced,
    quantity,
    reserved,
    heldFromOrders,
    substituteHeld: reduced.substituteHeld - substitute,
    linkedFromStock: reduced.linkedFromStock - fromStock,
    toOrder: Math.max(0, Math.min(reduced.toOrder, stillWanted)),
  };
}

function productUnits(line: LineState, original: number, substitute: number): ProductUnits[] {
  return [
    ...(original > 0 ? [{ productId: line.product.productId, quantity: original }] : []),
    ...(substitute > 0 ? [{ productId: line.delivered.productId, quantity: substitute }] : []),
  ];
}
