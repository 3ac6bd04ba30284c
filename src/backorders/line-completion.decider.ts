import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { Decider } from '../shared/domain/decider';
import { afterHandOver, issuedUnits, type LineState, planRelease } from './backorder-line';
import type { ChangeLine, FulfilLine, RecordReadyNotice } from './backorder.commands';
import type { BackorderEvent } from './backorder.events';
import {
  type BackorderState,
  evolveBackorder,
  initialBackorderState,
  type OpenBackorder,
} from './backorder.evolve';
import { assertOpen, lineOf, placedOrder } from './line-rules';

export type LineCompletionCommand = RecordReadyNotice | FulfilLine | ChangeLine;

/**
 * How lines end: the customer told the units are ready, the line picked up, changed or
 * cancelled; the order closes when no line is open.
 */
export const lineCompletionDecider: Decider<LineCompletionCommand, BackorderEvent, BackorderState> =
  {
    initialState: initialBackorderState,
    evolve: evolveBackorder,
    decide(command, state) {
      const order = placedOrder(state, command.backorderId);
      if (command.kind === 'RecordReadyNotice') {
        const lineIds = command.lineIds.filter((id) => {
          const line = order.lines[id];
          return line && line.state === 'open' && line.reserved >= line.quantity && !line.noticed;
        });
        if (lineIds.length === 0) return [];
        const { channel, recipient, sentAt } = command;
        return [
          {
            type: 'BackorderReadyNoticeRecorded',
            data: { backorderId: order.backorderId, lineIds, channel, recipient, sentAt },
          },
        ];
      }
      const line = lineOf(order, command);
      const at = { backorderId: order.backorderId, lineId: line.lineId };
      switch (command.kind) {
        case 'FulfilLine': {
          if (line.state === 'fulfilled') return [];
          assertOpen(line);
          if (line.reserved < line.quantity) {
            throw new BusinessRuleViolation(
              'line-not-ready',
              `${line.reserved} of ${line.quantity} units are held for the customer`,
            );
          }
          return closing(order, [
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
          return change(order, line, command);
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
  const after = events.reduce(evolveBackorder, state as BackorderState) as OpenBackorder;
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
