import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { UnknownEntityError } from '../shared/domain/domain-errors';
import type { Money } from '../shared/domain/money';
import { streams } from '../shared/eventstore/stream-names';
import type { BackorderClosed, BackorderEvent, Disposition } from './backorder.events';

export interface StandingLine {
  readonly lineId: string;
  readonly productId: string;
  readonly productName: string;
  /** The vendor cost copied at placement (what the PO was expected to cost). */
  readonly cost: Money;
  readonly placedQuantity: number;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly fulfilled: number;
  readonly cancelled: boolean;
  /** The PO lines the line's units were ordered on. */
  readonly purchaseOrderLines: readonly {
    readonly poId: string;
    readonly poLineId: string;
    readonly quantity: number;
  }[];
  /** What became of the supply the last time the line was reduced or cancelled. */
  readonly lastDisposition: Disposition | null;
}

/** What other features may know of an order: its number, customer, lines and whether it is over. */
export interface OrderStanding {
  readonly backorderId: string;
  readonly number: string;
  readonly customerId: string;
  readonly status: 'open' | 'closed';
  readonly outcome: BackorderClosed['data']['outcome'] | null;
  readonly lines: readonly StandingLine[];
}

type Folded = OrderStanding | null;

/** A pure fold of the backorder's own events: only what the read port answers. */
export const orderStandingFold = {
  initialState: null as Folded,
  evolve(state: Folded, event: BackorderEvent): Folded {
    if (event.type === 'BackorderPlaced') {
      const { backorderId, number, customer, lines } = event.data;
      return {
        backorderId,
        number,
        customerId: customer.customerId,
        status: 'open',
        outcome: null,
        lines: lines.map((l) => ({
          lineId: l.lineId,
          productId: l.product.productId,
          productName: l.product.name,
          cost: l.product.cost,
          placedQuantity: l.quantity,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          fulfilled: 0,
          cancelled: false,
          purchaseOrderLines: [],
          lastDisposition: null,
        })),
      };
    }
    if (state === null) return state;
    const line = (lineId: string, change: (l: StandingLine) => StandingLine): OrderStanding => ({
      ...state,
      lines: state.lines.map((l) => (l.lineId === lineId ? change(l) : l)),
    });
    switch (event.type) {
      case 'BackorderClosed':
        return { ...state, status: 'closed', outcome: event.data.outcome };
      case 'BackorderLineOnPurchaseOrder': {
        const { poId, poLineId, quantity } = event.data;
        return line(event.data.lineId, (l) => ({
          ...l,
          purchaseOrderLines: [...l.purchaseOrderLines, { poId, poLineId, quantity }],
        }));
      }
      case 'BackorderLineFulfilled':
        return line(event.data.lineId, (l) => ({
          ...l,
          fulfilled: l.fulfilled + event.data.quantity,
        }));
      case 'BackorderLineQuantityChanged':
        return line(event.data.lineId, (l) => ({
          ...l,
          quantity: event.data.to,
          lastDisposition: event.data.disposition,
        }));
      case 'BackorderLineCancelled':
        return line(event.data.lineId, (l) => ({
          ...l,
          cancelled: true,
          quantity: 0,
          lastDisposition: event.data.disposition,
        }));
      default:
        return state;
    }
  },
};

/**
 * The order as its own stream tells it right now (never a read model that may lag): the read
 * port the money side uses to invoice an order and to refuse payments on one that is over.
 */
@Injectable()
export class OrderStandings {
  constructor(private readonly states: StreamStates) {}

  async of(backorderId: string): Promise<OrderStanding> {
    const { state } = await this.states.load(orderStandingFold, streams.backorder(backorderId));
    if (state === null) throw new UnknownEntityError('backorder', backorderId);
    return state;
  }
}
