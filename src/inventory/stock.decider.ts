import { Map as ImmutableMap, Set as ImmutableSet } from 'immutable';
import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { StockCommandMessage } from './stock.commands';
import type { LineRef, StockEvent } from './stock.events';

/** Units on hand of one product, and which customer lines hold which of them. */
export interface StockState {
  readonly onHand: number;
  readonly reserved: number;
  readonly reservations: ImmutableMap<string, number>;
  readonly operations: ImmutableSet<string>;
}

export function lineKey(line: LineRef): string {
  return `${line.backorderId}/${line.lineId}`;
}

export function available(state: StockState): number {
  return state.onHand - state.reserved;
}

export function heldBy(state: StockState, line: LineRef): number {
  return state.reservations.get(lineKey(line)) ?? 0;
}

export const stockDecider: Decider<StockCommandMessage, StockEvent, StockState> = {
  initialState: {
    onHand: 0,
    reserved: 0,
    reservations: ImmutableMap(),
    operations: ImmutableSet(),
  },

  evolve(state, event) {
    const done = { ...state, operations: state.operations.add(event.data.operationId) };
    switch (event.type) {
      case 'StockAdjusted':
        return { ...done, onHand: event.data.onHand };
      case 'StockReceived':
        return event.data.reservedFor.reduce((s, r) => hold(s, r, r.quantity), {
          ...done,
          onHand: event.data.onHand,
        });
      case 'StockReserved':
        return hold(done, event.data.reservation, event.data.reservation.quantity);
      case 'StockReservationReleased':
        return hold(done, event.data, -event.data.quantity);
      case 'StockReservationTransferred':
        return hold(
          hold(done, event.data.from, -event.data.quantity),
          event.data.to,
          event.data.quantity,
        );
      case 'StockIssued':
        return { ...hold(done, event.data, -event.data.quantity), onHand: event.data.onHand };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    if (state.operations.has(command.operationId)) return [];
    const { productId, operationId } = command;
    switch (command.kind) {
      case 'AdjustStock': {
        const onHand = state.onHand + command.delta;
        if (command.delta === 0) return [];
        if (onHand < state.reserved) {
          throw new BusinessRuleViolation(
            'stock-below-reserved',
            `on hand would be ${onHand}, below the ${state.reserved} units held for customers`,
            { onHand: state.onHand, reserved: state.reserved },
          );
        }
        return [
          {
            type: 'StockAdjusted',
            data: { productId, operationId, delta: command.delta, reason: command.reason, onHand },
          },
        ];
      }
      case 'ReceiveStock': {
        if (!Number.isInteger(command.quantity) || command.quantity <= 0) {
          throw new BusinessRuleViolation(
            'quantity-not-valid',
            'a receipt brings a positive whole number of units',
          );
        }
        const reservedFor = command.reserveFor.filter((r) => r.quantity > 0);
        const reserving = reservedFor.reduce((n, r) => n + r.quantity, 0);
        if (reserving > command.quantity) {
          throw new BusinessRuleViolation(
            'set-aside-exceeds-received',
            'more units set aside than received',
          );
        }
        return [
          {
            type: 'StockReceived',
            data: {
              productId,
              operationId,
              ...command.receipt,
              quantity: command.quantity,
              reservedFor,
              onHand: state.onHand + command.quantity,
            },
          },
        ];
      }
      case 'ReserveStock': {
        const wanted = command.reservation.quantity - heldBy(state, command.reservation);
        if (wanted <= 0) return [];
        if (wanted > available(state)) {
          throw new BusinessRuleViolation(
            'stock-not-available',
            `${wanted} units wanted, ${available(state)} available`,
            { available: available(state) },
          );
        }
        return [
          {
            type: 'StockReserved',
            data: {
              productId,
              operationId,
              reservation: { ...command.reservation, quantity: wanted },
              held: command.reservation.quantity,
              reason: command.reason,
            },
          },
        ];
      }
      case 'ReleaseStockReservation': {
        const quantity = Math.min(command.quantity, heldBy(state, command.line));
        if (quantity <= 0) return [];
        return [
          {
            type: 'StockReservationReleased',
            data: { productId, operationId, ...command.line, quantity, reason: command.reason },
          },
        ];
      }
      case 'TransferStockReservation': {
        const quantity = Math.min(command.quantity, heldBy(state, command.from));
        if (quantity <= 0) return [];
        return [
          {
            type: 'StockReservationTransferred',
            data: {
              productId,
              operationId,
              from: command.from,
              to: command.to,
              quantity,
              reason: command.reason,
            },
          },
        ];
      }
      case 'IssueStock': {
        const quantity = Math.min(command.quantity, heldBy(state, command.line));
        if (quantity <= 0) return [];
        return [
          {
            type: 'StockIssued',
            data: {
              productId,
              operationId,
              ...command.line,
              quantity,
              onHand: state.onHand - quantity,
            },
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

function hold(state: StockState, line: LineRef, delta: number): StockState {
  const key = lineKey(line);
  const held = (state.reservations.get(key) ?? 0) + delta;
  return {
    ...state,
    reserved: state.reserved + delta,
    reservations: held > 0 ? state.reservations.set(key, held) : state.reservations.delete(key),
  };
}
