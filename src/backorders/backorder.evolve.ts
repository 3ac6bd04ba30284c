import { Set as ImmutableSet } from 'immutable';
import type { LineState } from './backorder-line';
import type { BackorderEvent, CustomerSnapshot } from './backorder.events';
import { applyToLines, operationOf } from './line-events';

export interface OpenBackorder {
  readonly status: 'open' | 'closed';
  readonly backorderId: string;
  readonly number: string;
  readonly customer: CustomerSnapshot;
  readonly placedAt: string;
  readonly priority: number;
  readonly lines: Readonly<Record<string, LineState>>;
  /** Receipts, transfers and allocations already applied: repeating one is a no-op. */
  readonly operations: ImmutableSet<string>;
}

export type BackorderState = { readonly status: 'none' } | OpenBackorder;

export const initialBackorderState: BackorderState = { status: 'none' };

/** The order as its events leave it: the lines by applyToLines, plus status and operations done. */
export function evolveBackorder(state: BackorderState, event: BackorderEvent): BackorderState {
  if (event.type === 'BackorderPlaced') {
    const { backorderId, number, customer, placedAt, priority } = event.data;
    return {
      status: 'open',
      backorderId,
      number,
      customer,
      placedAt,
      priority,
      lines: applyToLines({}, event),
      operations: ImmutableSet(),
    };
  }
  if (state.status === 'none') return state;
  if (event.type === 'BackorderClosed') return { ...state, status: 'closed' };
  const operation = operationOf(event);
  const lines = applyToLines(state.lines, event);
  return {
    ...state,
    lines,
    operations: operation ? state.operations.add(operation) : state.operations,
  };
}
