import { type OrderedMap } from 'immutable';
import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { Money } from '../shared/domain/money';
import type { Allocation, ReceiptLine, SetAsideUnits } from './purchase-order.events';

/** How received units meet waiting customers: oldest order first, or by the order's priority. */
export type AllocationOrder = 'oldest-first' | 'priority';

export interface AllocationState extends Allocation {
  /** Units not received yet. */
  readonly outstanding: number;
  /** Units received and held for the customer. */
  readonly setAside: number;
  /** Substitute units offered and waiting for the customer's decision. */
  readonly offered: number;
}

export interface PoLine {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly quantity: number;
  readonly unitCost: Money;
  readonly cancelled: boolean;
  readonly received: number;
  readonly eta: string | null;
  readonly allocations: OrderedMap<string, AllocationState>;
}

export function allocated(line: PoLine): number {
  return line.allocations.reduce((n, a) => n + a.outstanding + a.setAside, 0);
}

export function waitingInOrder(line: PoLine, order: AllocationOrder): AllocationState[] {
  return [...line.allocations.values()]
    .filter((a) => a.outstanding - a.offered > 0)
    .sort(
      (a, b) =>
        (order === 'priority' ? b.priority - a.priority : 0) ||
        a.placedAt.localeCompare(b.placedAt) ||
        a.backorderNumber.localeCompare(b.backorderNumber),
    );
}

export function units(allocation: Allocation, quantity: number): SetAsideUnits {
  const { allocationId, backorderId, backorderNumber, lineId, customerName } = allocation;
  return { allocationId, backorderId, backorderNumber, lineId, customerName, quantity };
}

/**
 * Meets the units that arrived with the customers waiting on the line, in the store's order;
 * what no customer waits for (including units over the ordered quantity) becomes stock.
 * Substitute units are only offered: each customer decides.
 */
export function receiptLine(
  line: PoLine,
  quantity: number,
  substitution: { readonly product: ProductSnapshot; readonly quantity: number } | null,
  order: AllocationOrder,
): ReceiptLine {
  const setAside: SetAsideUnits[] = [];
  let remaining = quantity;
  const needs = new Map<string, number>();
  for (const allocation of waitingInOrder(line, order)) {
    const need = allocation.outstanding - allocation.offered;
    const take = Math.min(need, remaining);
    if (take > 0) setAside.push(units(allocation, take));
    remaining -= take;
    needs.set(allocation.allocationId, need - take);
  }
  let offeredSubstitution: ReceiptLine['substitution'] = null;
  if (substitution) {
    const offered: SetAsideUnits[] = [];
    let left = substitution.quantity;
    for (const allocation of waitingInOrder(line, order)) {
      const take = Math.min(needs.get(allocation.allocationId) ?? 0, left);
      if (take > 0) offered.push(units(allocation, take));
      left -= take;
    }
    offeredSubstitution = { ...substitution, offered, toStock: left };
  }
  const after = line.received + quantity;
  return {
    poLineId: line.poLineId,
    product: line.product,
    ordered: line.quantity,
    receivedBefore: line.received,
    quantity,
    over: Math.max(0, after - Math.max(line.quantity, line.received)),
    short: Math.max(0, line.quantity - after),
    setAside,
    toStock: remaining,
    substitution: offeredSubstitution,
  };
}

export function updateAllocation(
  line: PoLine,
  allocationId: string,
  change: (allocation: AllocationState) => AllocationState,
): PoLine {
  const allocation = line.allocations.get(allocationId);
  return allocation
    ? { ...line, allocations: line.allocations.set(allocationId, change(allocation)) }
    : line;
}
