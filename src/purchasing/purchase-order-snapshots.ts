import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { streams } from '../shared/eventstore/stream-names';
import type { PurchaseOrderCommandMessage } from './purchase-order.commands';
import { purchaseOrderDecider } from './purchase-order.decider';
import type { OpenPurchaseOrderState } from './purchase-order.evolve';

/** A purchase order as other features read it: its lines, allocations and status. Read-only. */
export type PurchaseOrderSnapshot = OpenPurchaseOrderState;

/**
 * Purchase orders for other features, read from the PO's stream rather than a read model, so a
 * flow placing lines sees the draft as it is now.
 */
@Injectable()
export class PurchaseOrderSnapshots {
  constructor(private readonly states: StreamStates) {}

  /** The PO, or null when none was opened under this id. */
  async snapshot(poId: string): Promise<PurchaseOrderSnapshot | null> {
    const { state } = await this.states.load(purchaseOrderDecider, streams.purchaseOrder(poId));
    return state.status === 'none' ? null : state;
  }

  /**
   * Throws the error the PO would refuse this command with, appending nothing: for a flow that
   * checks every step before it takes the first.
   */
  async assertAccepts(command: PurchaseOrderCommandMessage): Promise<void> {
    const { state } = await this.states.load(
      purchaseOrderDecider,
      streams.purchaseOrder(command.poId),
    );
    purchaseOrderDecider.decide(command, state);
  }
}
