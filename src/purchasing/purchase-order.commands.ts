import type { Disposition } from './purchase-order.events';
import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { CommandContext } from '../shared/commands/command-context';
import type { Money } from '../shared/domain/money';
import type { AllocationOrder } from './purchase-order-line';
import type { Allocation, PurchaseOrderOpened } from './purchase-order.events';

abstract class PurchaseOrderCommand {
  constructor(
    readonly poId: string,
    readonly context: CommandContext,
  ) {}
}

export interface NewPoLine {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly quantity: number;
  readonly unitCost: Money;
}

/** A PO made by hand: units for stock. */
export class OpenPurchaseOrder extends PurchaseOrderCommand {
  readonly kind = 'OpenPurchaseOrder';

  constructor(
    poId: string,
    readonly opening: Omit<PurchaseOrderOpened['data'], 'poId' | 'consolidation'>,
    readonly lines: readonly NewPoLine[],
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

/**
 * Puts units for a customer line on the vendor's open draft PO: opening it (with `opening`) when it
 * does not exist yet, adding the product's line (as `newLineId`) or raising its quantity.
 */
export class AllocateToPurchaseOrder extends PurchaseOrderCommand {
  readonly kind = 'AllocateToPurchaseOrder';

  constructor(
    poId: string,
    readonly opening: Omit<PurchaseOrderOpened['data'], 'poId'>,
    readonly newLineId: string,
    readonly product: ProductSnapshot,
    readonly allocation: Allocation,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export class SubmitPurchaseOrder extends PurchaseOrderCommand {
  readonly kind = 'SubmitPurchaseOrder';
}

export class AcknowledgePurchaseOrder extends PurchaseOrderCommand {
  readonly kind = 'AcknowledgePurchaseOrder';

  constructor(
    poId: string,
    readonly vendorReference: string | null,
    readonly etas: readonly { readonly poLineId: string; readonly eta: string }[],
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export class RevisePurchaseOrderEta extends PurchaseOrderCommand {
  readonly kind = 'RevisePurchaseOrderEta';

  constructor(
    poId: string,
    readonly poLineId: string,
    readonly eta: string,
    readonly source: 'vendor' | 'staff',
    readonly reason: string | null,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export interface ReceivedLine {
  readonly poLineId: string;
  readonly quantity: number;
  readonly substitution: { readonly product: ProductSnapshot; readonly quantity: number } | null;
}

export class RecordReceipt extends PurchaseOrderCommand {
  readonly kind = 'RecordReceipt';

  constructor(
    poId: string,
    readonly receiptId: string,
    readonly lines: readonly ReceivedLine[],
    readonly order: AllocationOrder,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export class ResolveSubstitution extends PurchaseOrderCommand {
  readonly kind = 'ResolveSubstitution';

  constructor(
    poId: string,
    readonly receiptId: string,
    readonly allocationId: string,
    readonly accepted: boolean,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

/**
 * A customer line lets go of `quantity` units on order and `held` units already held from an
 * allocation; with give-to-next-customer, held units go to the next customer waiting on the line.
 */
export class ReleaseAllocation extends PurchaseOrderCommand {
  readonly kind = 'ReleaseAllocation';

  constructor(
    poId: string,
    readonly allocationId: string,
    readonly release: {
      readonly quantity: number;
      /** Units already held for the customer that go too (to stock, or to the next customer). */
      readonly held: number;
      readonly disposition: Disposition;
      /** Names this release, so that repeating it changes nothing. */
      readonly operationId: string;
      readonly order: AllocationOrder;
      readonly reason: string;
    },
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export class CancelPurchaseOrderLine extends PurchaseOrderCommand {
  readonly kind = 'CancelPurchaseOrderLine';

  constructor(
    poId: string,
    readonly poLineId: string,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export class CancelPurchaseOrder extends PurchaseOrderCommand {
  readonly kind = 'CancelPurchaseOrder';

  constructor(
    poId: string,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export class ClosePurchaseOrder extends PurchaseOrderCommand {
  readonly kind = 'ClosePurchaseOrder';

  constructor(
    poId: string,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(poId, context);
  }
}

export type PurchaseOrderCommandMessage =
  | OpenPurchaseOrder
  | AllocateToPurchaseOrder
  | SubmitPurchaseOrder
  | AcknowledgePurchaseOrder
  | RevisePurchaseOrderEta
  | RecordReceipt
  | ResolveSubstitution
  | ReleaseAllocation
  | CancelPurchaseOrderLine
  | CancelPurchaseOrder
  | ClosePurchaseOrder;
