import {
  consumeOrdered,
  type LineState,
  placedLine,
  receiveOrdered,
  releaseSupply,
  unsupplied,
} from './backorder-line';
import type { BackorderEvent } from './backorder.events';

export type Lines = Readonly<Record<string, LineState>>;

/**
 * How each backorder event changes the order's lines: the one fold of line state, shared by the
 * backorder's evolve and the read models that show lines (pure, no decision in it).
 */
export function applyToLines(lines: Lines, event: BackorderEvent): Lines {
  if (event.type === 'BackorderPlaced')
    return Object.fromEntries(event.data.lines.map((l) => [l.lineId, placedLine(l)]));
  if (event.type === 'BackorderClosed') return lines;
  if (event.type === 'BackorderReadyNoticeRecorded') {
    return event.data.lineIds.reduce(
      (current, id) => withLine(current, id, (l) => ({ ...l, noticed: true })),
      lines,
    );
  }
  const { lineId } = event.data;
  switch (event.type) {
    case 'BackorderLineOrderedAnyway':
      return withLine(lines, lineId, (l) => ({
        ...l,
        awaitingLink: false,
        exception: null,
        toOrder: l.toOrder + event.data.quantity,
      }));
    case 'BackorderLineLinkedToStock':
      return withLine(lines, lineId, (l) => {
        const linked = {
          ...l,
          linkedFromStock: event.data.quantity,
          reserved: l.reserved + event.data.quantity - l.linkedFromStock,
        };
        return { ...linked, awaitingLink: l.awaitingLink && unsupplied(linked) > 0 };
      });
    case 'BackorderLineOnPurchaseOrder': {
      const { allocationId, poId, poNumber, poLineId, vendorId, quantity } = event.data;
      return withLine(lines, lineId, (l) => ({
        ...l,
        onOrder: {
          ...l.onOrder,
          [allocationId]: { poId, poNumber, poLineId, vendorId, quantity },
        },
        toOrder: Math.max(0, l.toOrder - quantity),
      }));
    }
    case 'BackorderLineUnitsSetAside':
      return withLine(lines, lineId, (l) =>
        receiveOrdered(l, event.data.allocationId, event.data.quantity),
      );
    case 'BackorderLineSubstitutionOffered': {
      const { receiptId, poId, poLineId, allocationId, substitute, quantity } = event.data;
      return withLine(lines, lineId, (l) => ({
        ...l,
        substitution: { receiptId, poId, poLineId, allocationId, substitute, quantity },
      }));
    }
    case 'BackorderLineSubstitutionAccepted':
      return withLine(lines, lineId, (l) => {
        const taken = consumeOrdered(l, event.data.allocationId, event.data.quantity);
        return {
          ...taken,
          reserved: taken.reserved + event.data.quantity,
          substituteHeld: taken.substituteHeld + event.data.quantity,
          delivered: event.data.substitute,
          substitution: null,
        };
      });
    case 'BackorderLineSubstitutionRejected':
      return withLine(lines, lineId, (l) => ({ ...l, substitution: null }));
    case 'BackorderLineFulfilled':
      return withLine(lines, lineId, (l) => ({
        ...l,
        state: 'fulfilled',
        reserved: 0,
        linkedFromStock: 0,
        heldFromOrders: {},
        substituteHeld: 0,
      }));
    case 'BackorderLineQuantityChanged':
      return withLine(lines, lineId, (l) =>
        event.data.to > event.data.from
          ? {
              ...l,
              quantity: event.data.to,
              toOrder: l.toOrder + event.data.to - event.data.from,
            }
          : releaseSupply(l, event.data.freed, event.data.to),
      );
    case 'BackorderLineCancelled':
      return withLine(lines, lineId, (l) => ({
        ...releaseSupply(l, event.data.freed, 0),
        state: 'cancelled',
        toOrder: 0,
      }));
    case 'BackorderLineExceptionRaised':
      return withLine(lines, lineId, (l) => ({
        ...consumeOrdered(l, event.data.allocationId, event.data.quantity),
        exception: event.data.reason,
      }));
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The operation an event records as done: repeating it is then a no-op. */
export function operationOf(event: BackorderEvent): string | null {
  switch (event.type) {
    case 'BackorderLineLinkedToStock':
    case 'BackorderLineUnitsSetAside':
      return event.data.operationId;
    case 'BackorderLineOnPurchaseOrder':
      return event.data.allocationId;
    case 'BackorderLineSubstitutionOffered':
      return offerKey(event.data.receiptId, event.data.allocationId);
    default:
      return null;
  }
}

/** An offer's own key: the same receipt may also set units aside for the allocation. */
export function offerKey(receiptId: string, allocationId: string): string {
  return `offer:${receiptId}:${allocationId}`;
}

function withLine(lines: Lines, lineId: string, update: (line: LineState) => LineState): Lines {
  const line = lines[lineId];
  return line ? { ...lines, [lineId]: update(line) } : lines;
}
