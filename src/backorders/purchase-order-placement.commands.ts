import type { CommandContext } from '../shared/commands/command-context';

/** Units of one customer line to put on its vendor's open PO. */
export interface LineToPlace {
  readonly backorderId: string;
  readonly lineId: string;
  readonly quantity: number;
  /** Stable for the event that asked: placing the same line again is recognised. */
  readonly allocationId: string;
  /** When the order was placed: picks the consolidation window. */
  readonly orderedAt: string;
  readonly context: CommandContext;
}

/**
 * Customer lines to put on their vendors' open POs. Issued by the placement workflow, which hands
 * over a batch's lines at once: each PO then takes them in one write.
 */
export class PlaceLinesOnPurchaseOrders {
  readonly kind = 'PlaceLinesOnPurchaseOrders';

  constructor(readonly lines: readonly LineToPlace[]) {}
}
