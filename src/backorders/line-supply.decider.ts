import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { Decider } from '../shared/domain/decider';
import { outstanding, unsupplied } from './backorder-line';
import type {
  LinkLineToStock,
  OrderLineAnyway,
  RaiseLineException,
  RecordLineOnPurchaseOrder,
  SetAsideLineUnits,
} from './backorder.commands';
import type { BackorderEvent } from './backorder.events';
import { type BackorderState, evolveBackorder, initialBackorderState } from './backorder.evolve';
import { assertOpen, lineOf, placedOrder } from './line-rules';

export type LineSupplyCommand =
  | OrderLineAnyway
  | LinkLineToStock
  | RecordLineOnPurchaseOrder
  | SetAsideLineUnits
  | RaiseLineException;

/** Where a line's units come from: stock, a vendor's PO, units set aside, or lost on the way. */
export const lineSupplyDecider: Decider<LineSupplyCommand, BackorderEvent, BackorderState> = {
  initialState: initialBackorderState,
  evolve: evolveBackorder,
  decide(command, state) {
    const order = placedOrder(state, command.backorderId);
    const line = lineOf(order, command);
    const at = { backorderId: order.backorderId, lineId: line.lineId };
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
        if (order.operations.has(command.operationId) || linked <= line.linkedFromStock) return [];
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
        if (order.operations.has(command.order.allocationId)) return [];
        assertOpen(line);
        return [{ type: 'BackorderLineOnPurchaseOrder', data: { ...at, ...command.order } }];
      case 'SetAsideLineUnits': {
        if (order.operations.has(command.operationId)) return [];
        assertOpen(line);
        const { operationId, quantity, allocationId, source } = command;
        const label = {
          customerName: order.customer.name,
          backorderNumber: order.number,
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
