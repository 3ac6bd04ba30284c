import { Set as ImmutableSet } from 'immutable';
import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import {
  afterHandOver,
  consumeOrdered,
  type LineState,
  outstanding,
  issuedUnits,
  placedLine,
  planRelease,
  receiveOrdered,
  releaseSupply,
  unsupplied,
} from './backorder-line';
import type { BackorderCommandMessage, ChangeLine } from './backorder.commands';
import type { BackorderEvent, CustomerSnapshot } from './backorder.events';

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

export const backorderDecider: Decider<BackorderCommandMessage, BackorderEvent, BackorderState> = {
  initialState: { status: 'none' },

  evolve(state, event) {
    if (event.type === 'BackorderPlaced') {
      const { backorderId, number, customer, placedAt, priority, lines } = event.data;
      return {
        status: 'open',
        backorderId,
        number,
        customer,
        placedAt,
        priority,
        lines: Object.fromEntries(lines.map((l) => [l.lineId, placedLine(l)])),
        operations: ImmutableSet(),
      };
    }
    if (state.status === 'none') return state;
    if (event.type === 'BackorderClosed') return { ...state, status: 'closed' };
    if (event.type === 'BackorderReadyNoticeRecorded') {
      return event.data.lineIds.reduce(
        (s, id) => withLine(s, id, (l) => ({ ...l, noticed: true })),
        state,
      );
    }
    const { lineId } = event.data;
    switch (event.type) {
      case 'BackorderLineOrderedAnyway':
        return withLine(state, lineId, (l) => ({
          ...l,
          awaitingLink: false,
          exception: null,
          toOrder: l.toOrder + event.data.quantity,
        }));
      case 'BackorderLineLinkedToStock':
        return withLine(done(state, event.data.operationId), lineId, (l) => {
          const linked = {
            ...l,
            linkedFromStock: event.data.quantity,
            reserved: l.reserved + event.data.quantity - l.linkedFromStock,
          };
          return { ...linked, awaitingLink: l.awaitingLink && unsupplied(linked) > 0 };
        });
      case 'BackorderLineOnPurchaseOrder': {
        const { allocationId, poId, poNumber, poLineId, vendorId, quantity } = event.data;
        return withLine(done(state, allocationId), lineId, (l) => ({
          ...l,
          onOrder: {
            ...l.onOrder,
            [allocationId]: { poId, poNumber, poLineId, vendorId, quantity },
          },
          toOrder: Math.max(0, l.toOrder - quantity),
        }));
      }
      case 'BackorderLineUnitsSetAside':
        return withLine(done(state, event.data.operationId), lineId, (l) =>
          receiveOrdered(l, event.data.allocationId, event.data.quantity),
        );
      case 'BackorderLineSubstitutionOffered': {
        const { receiptId, poId, poLineId, allocationId, substitute, quantity } = event.data;
        return withLine(done(state, offerKey(receiptId, allocationId)), lineId, (l) => ({
          ...l,
          substitution: { receiptId, poId, poLineId, allocationId, substitute, quantity },
        }));
      }
      case 'BackorderLineSubstitutionAccepted':
        return withLine(state, lineId, (l) => {
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
        return withLine(state, lineId, (l) => ({ ...l, substitution: null }));
      case 'BackorderLineFulfilled':
        return withLine(state, lineId, (l) => ({
          ...l,
          state: 'fulfilled',
          reserved: 0,
          linkedFromStock: 0,
          heldFromOrders: {},
          substituteHeld: 0,
        }));
      case 'BackorderLineQuantityChanged':
        return withLine(state, lineId, (l) =>
          event.data.to > event.data.from
            ? {
                ...l,
                quantity: event.data.to,
                toOrder: l.toOrder + event.data.to - event.data.from,
              }
            : releaseSupply(l, event.data.freed, event.data.to),
        );
      case 'BackorderLineCancelled':
        return withLine(state, lineId, (l) => ({
          ...releaseSupply(l, event.data.freed, 0),
          state: 'cancelled',
          toOrder: 0,
        }));
      case 'BackorderLineExceptionRaised':
        return withLine(state, lineId, (l) => ({
          ...consumeOrdered(l, event.data.allocationId, event.data.quantity),
          exception: event.data.reason,
        }));
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    if (command.kind === 'PlaceBackorder') {
      if (state.status !== 'none') return [];
      assertLines(command.lines);
      const { backorderId, number, customer, salesperson, placedAt, priority, notes, lines } =
        command;
      return [
        {
          type: 'BackorderPlaced',
          data: { backorderId, number, customer, salesperson, placedAt, priority, notes, lines },
        },
      ];
    }
    if (state.status === 'none') throw new UnknownEntityError('backorder', command.backorderId);
    if (command.kind === 'RecordReadyNotice') {
      const lineIds = command.lineIds.filter((id) => {
        const line = state.lines[id];
        return line && line.state === 'open' && line.reserved >= line.quantity && !line.noticed;
      });
      if (lineIds.length === 0) return [];
      const { channel, recipient, sentAt } = command;
      return [
        {
          type: 'BackorderReadyNoticeRecorded',
          data: { backorderId: state.backorderId, lineIds, channel, recipient, sentAt },
        },
      ];
    }
    const line = state.lines[command.lineId];
    if (!line)
      throw new UnknownEntityError('backorder line', `${command.backorderId}/${command.lineId}`);
    const at = { backorderId: state.backorderId, lineId: line.lineId };
    switch (command.kind) {
      case 'OrderLineAnyway': {
        assertOpen(line);
        // Every unit already supplied or asked for: a repeated order-anyway changes nothing.
        const quantity = unsupplied(line);
        if (quantity === 0) return [];
        if (!line.awaitingLink && line.exception === null) {
          throw new BusinessRuleViolation(
            'line-not-awaiting-decision',
            'only a line offered stock or in exception can be ordered anyway',
          );
        }
        return [
          { type: 'BackorderLineOrderedAnyway', data: { ...at, quantity, reason: command.reason } },
        ];
      }
      case 'LinkLineToStock': {
        const linked = command.held - (line.reserved - line.linkedFromStock);
        if (state.operations.has(command.operationId) || linked <= line.linkedFromStock) return [];
        assertOpen(line);
        // Units already asked from the vendor supply the line: linking them too would double it.
        const room =
          line.quantity -
          outstanding(line) -
          line.toOrder -
          (line.reserved - line.linkedFromStock) -
          (line.substitution?.quantity ?? 0);
        if (linked > room) {
          throw new BusinessRuleViolation(
            'link-exceeds-line',
            `the line needs ${room} units at most`,
            { room },
          );
        }
        const { productId } = line.product;
        return [
          {
            type: 'BackorderLineLinkedToStock',
            data: { ...at, productId, quantity: linked, operationId: command.operationId },
          },
        ];
      }
      case 'RecordLineOnPurchaseOrder':
        if (state.operations.has(command.order.allocationId)) return [];
        assertOpen(line);
        return [{ type: 'BackorderLineOnPurchaseOrder', data: { ...at, ...command.order } }];
      case 'SetAsideLineUnits': {
        if (state.operations.has(command.operationId)) return [];
        assertOpen(line);
        const { operationId, quantity, allocationId, source } = command;
        const label = {
          customerName: state.customer.name,
          backorderNumber: state.number,
          productName: line.delivered.name,
          vendorSku: line.delivered.vendorSku,
        };
        return [
          {
            type: 'BackorderLineUnitsSetAside',
            data: { ...at, operationId, quantity, allocationId, source, label },
          },
        ];
      }
      case 'OfferSubstitution':
        if (state.operations.has(offerKey(command.offer.receiptId, command.offer.allocationId)))
          return [];
        assertOpen(line);
        return [{ type: 'BackorderLineSubstitutionOffered', data: { ...at, ...command.offer } }];
      case 'DecideSubstitution': {
        assertOpen(line);
        const offer = line.substitution;
        if (!offer)
          throw new BusinessRuleViolation(
            'no-substitution-pending',
            'no substitute is waiting for a decision on this line',
          );
        const { receiptId, poId, allocationId, substitute, quantity } = offer;
        const decided = { ...at, receiptId, poId, allocationId, substitute, quantity };
        return [
          command.accept
            ? {
                type: 'BackorderLineSubstitutionAccepted',
                data: { ...decided, reason: command.reason },
              }
            : {
                type: 'BackorderLineSubstitutionRejected',
                data: { ...decided, reason: command.reason },
              },
        ];
      }
      case 'FulfilLine': {
        if (line.state === 'fulfilled') return [];
        assertOpen(line);
        if (line.reserved < line.quantity) {
          throw new BusinessRuleViolation(
            'line-not-ready',
            `${line.reserved} of ${line.quantity} units are held for the customer`,
          );
        }
        return closing(state, [
          {
            type: 'BackorderLineFulfilled',
            data: {
              ...at,
              quantity: line.quantity,
              method: command.method,
              issued: issuedUnits(line),
            },
          },
        ]);
      }
      case 'ChangeLine':
        return change(state, line, command);
      case 'RaiseLineException': {
        const lost = line.onOrder[command.lost.allocationId];
        if (!lost || line.state !== 'open') return [];
        return [
          {
            type: 'BackorderLineExceptionRaised',
            data: { ...at, ...command.lost, quantity: lost.quantity, reason: command.reason },
          },
        ];
      }
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};

function change(state: OpenBackorder, line: LineState, command: ChangeLine): BackorderEvent[] {
  if (line.state === 'cancelled' && command.change.cancel) return [];
  assertOpen(line);
  const { quantity, cancel, reason, disposition, handedOver } = command.change;
  const at = { backorderId: state.backorderId, lineId: line.lineId };
  if (line.substitution) {
    throw new BusinessRuleViolation(
      'substitution-pending',
      'decide on the offered substitute before changing the line',
    );
  }
  if (!cancel && (!Number.isInteger(quantity) || quantity < 1)) {
    throw new BusinessRuleViolation(
      'quantity-not-valid',
      'a line keeps at least one unit; cancel it instead',
    );
  }
  const target = cancel ? 0 : quantity;
  if (!cancel && target === line.quantity) return [];
  if (target > line.quantity) {
    const freed = { purchaseOrderUnits: [], heldUnits: [], released: [], handedOver: 0 };
    return [
      {
        type: 'BackorderLineQuantityChanged',
        data: { ...at, from: line.quantity, to: target, reason, disposition: null, freed },
      },
    ];
  }
  const plan = planRelease(line, target);
  const freed = afterHandOver(plan, line, handedOver);
  if ((plan.released.length > 0 || plan.purchaseOrderUnits.length > 0) && disposition === null) {
    throw new BusinessRuleViolation(
      'disposition-required',
      'units are held or on order for this line: say whether to cancel them on the PO, keep them as stock, or give them to the next customer',
    );
  }
  if (cancel)
    return closing(state, [
      { type: 'BackorderLineCancelled', data: { ...at, reason, disposition, freed } },
    ]);
  return [
    {
      type: 'BackorderLineQuantityChanged',
      data: { ...at, from: line.quantity, to: target, reason, disposition, freed },
    },
  ];
}

/** Appends BackorderClosed when the events leave every line fulfilled or cancelled. */
function closing(state: OpenBackorder, events: BackorderEvent[]): BackorderEvent[] {
  const after = events.reduce(
    (s, e) => backorderDecider.evolve(s, e),
    state as BackorderState,
  ) as OpenBackorder;
  const lines = Object.values(after.lines);
  if (lines.some((l) => l.state === 'open')) return events;
  const cancelled = lines.filter((l) => l.state === 'cancelled').length;
  const outcome =
    cancelled === 0 ? 'fulfilled' : cancelled === lines.length ? 'cancelled' : 'partly-cancelled';
  return [
    ...events,
    { type: 'BackorderClosed', data: { backorderId: state.backorderId, outcome } },
  ];
}

/** An offer's own key: the same receipt may also set units aside for the allocation. */
function offerKey(receiptId: string, allocationId: string): string {
  return `offer:${receiptId}:${allocationId}`;
}

function withLine(
  state: OpenBackorder,
  lineId: string,
  update: (line: LineState) => LineState,
): OpenBackorder {
  const line = state.lines[lineId];
  return line ? { ...state, lines: { ...state.lines, [lineId]: update(line) } } : state;
}

function done(state: OpenBackorder, operationId: string): OpenBackorder {
  return { ...state, operations: state.operations.add(operationId) };
}

function assertOpen(line: LineState): void {
  if (line.state !== 'open') {
    throw new BusinessRuleViolation('line-not-open', `line ${line.lineId} is ${line.state}`);
  }
}

function assertLines(
  lines: readonly {
    lineId: string;
    quantity: number;
    unitPrice: { amount: number; currency: string };
  }[],
): void {
  if (lines.length === 0) {
    throw new BusinessRuleViolation('backorder-needs-lines', 'a backorder has at least one line');
  }
  if (new Set(lines.map((l) => l.lineId)).size !== lines.length) {
    throw new BusinessRuleViolation('line-ids-not-unique', 'two lines share an id');
  }
  if (new Set(lines.map((l) => l.unitPrice.currency)).size > 1) {
    throw new BusinessRuleViolation(
      'one-currency-per-order',
      'all lines of an order are priced in one currency',
    );
  }
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new BusinessRuleViolation(
        'quantity-not-valid',
        `line ${line.lineId} needs a whole number of units`,
      );
    }
    if (!Number.isSafeInteger(line.unitPrice.amount) || line.unitPrice.amount < 0) {
      throw new BusinessRuleViolation('price-not-valid', `line ${line.lineId} has no valid price`);
    }
  }
}
