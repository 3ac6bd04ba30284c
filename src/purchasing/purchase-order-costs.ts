import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { UnknownEntityError } from '../shared/domain/domain-errors';
import type { Money } from '../shared/domain/money';
import { streams } from '../shared/eventstore/stream-names';
import { purchaseOrderDecider } from './purchase-order.decider';
import type { PurchaseOrderStatus } from './purchase-order.events';

export interface CostedPurchaseOrder {
  readonly poId: string;
  readonly number: string;
  readonly vendorId: string;
  readonly status: PurchaseOrderStatus;
  readonly lines: readonly {
    readonly poLineId: string;
    readonly productId: string;
    readonly quantity: number;
    readonly received: number;
    readonly unitCost: Money;
    readonly cancelled: boolean;
  }[];
}

/**
 * A PO's lines at the cost agreed with the vendor, from the PO's own stream: the read port a
 * vendor bill is checked against.
 */
@Injectable()
export class PurchaseOrderCosts {
  constructor(private readonly states: StreamStates) {}

  async of(poId: string): Promise<CostedPurchaseOrder> {
    const { state } = await this.states.load(purchaseOrderDecider, streams.purchaseOrder(poId));
    if (state.status === 'none') throw new UnknownEntityError('purchase order', poId);
    return {
      poId,
      number: state.number,
      vendorId: state.vendorId,
      status: state.status,
      lines: [...state.lines.values()].map((l) => ({
        poLineId: l.poLineId,
        productId: l.product.productId,
        quantity: l.quantity,
        received: l.received,
        unitCost: l.unitCost,
        cancelled: l.cancelled,
      })),
    };
  }
}
