import type { ProductSnapshot } from '../catalog/product-snapshot';
import type { CommandContext } from '../shared/commands/command-context';
import type { CustomerSnapshot, Disposition, PlacedLine } from './backorder.events';

abstract class BackorderCommand {
  constructor(
    readonly backorderId: string,
    readonly context: CommandContext,
  ) {}
}

abstract class LineCommand extends BackorderCommand {
  constructor(
    backorderId: string,
    readonly lineId: string,
    context: CommandContext,
  ) {
    super(backorderId, context);
  }
}

export class PlaceBackorder extends BackorderCommand {
  readonly kind = 'PlaceBackorder';

  constructor(
    backorderId: string,
    readonly number: string,
    readonly customer: CustomerSnapshot,
    readonly salesperson: string,
    readonly placedAt: string,
    readonly priority: number,
    readonly notes: string | null,
    readonly lines: readonly PlacedLine[],
    context: CommandContext,
  ) {
    super(backorderId, context);
  }
}

export class OrderLineAnyway extends LineCommand {
  readonly kind = 'OrderLineAnyway';

  constructor(
    backorderId: string,
    lineId: string,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

/**
 * Stock now holds `held` units for the line in all (as the stock reservation says): those beyond
 * the units that arrived on its POs are linked from stock.
 */
export class LinkLineToStock extends LineCommand {
  readonly kind = 'LinkLineToStock';

  constructor(
    backorderId: string,
    lineId: string,
    readonly held: number,
    readonly operationId: string,
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export class RecordLineOnPurchaseOrder extends LineCommand {
  readonly kind = 'RecordLineOnPurchaseOrder';

  constructor(
    backorderId: string,
    lineId: string,
    readonly order: {
      readonly allocationId: string;
      readonly poId: string;
      readonly poNumber: string;
      readonly poLineId: string;
      readonly vendorId: string;
      readonly quantity: number;
    },
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export class SetAsideLineUnits extends LineCommand {
  readonly kind = 'SetAsideLineUnits';

  constructor(
    backorderId: string,
    lineId: string,
    readonly operationId: string,
    readonly quantity: number,
    readonly allocationId: string | null,
    readonly source: string,
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export class OfferSubstitution extends LineCommand {
  readonly kind = 'OfferSubstitution';

  constructor(
    backorderId: string,
    lineId: string,
    readonly offer: {
      readonly receiptId: string;
      readonly poId: string;
      readonly poLineId: string;
      readonly allocationId: string;
      readonly substitute: ProductSnapshot;
      readonly quantity: number;
    },
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export class DecideSubstitution extends LineCommand {
  readonly kind = 'DecideSubstitution';

  constructor(
    backorderId: string,
    lineId: string,
    readonly accept: boolean,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export class RecordReadyNotice extends BackorderCommand {
  readonly kind = 'RecordReadyNotice';

  constructor(
    backorderId: string,
    readonly lineIds: readonly string[],
    readonly channel: string,
    readonly recipient: string,
    readonly sentAt: string,
    context: CommandContext,
  ) {
    super(backorderId, context);
  }
}

export class FulfilLine extends LineCommand {
  readonly kind = 'FulfilLine';

  constructor(
    backorderId: string,
    lineId: string,
    readonly method: 'pickup' | 'delivery',
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

/**
 * A smaller or larger quantity (0 with `cancel` set cancels the line). `handedOver` says how many
 * held units the POs already gave to the next customer, so they are not released to stock too.
 */
export class ChangeLine extends LineCommand {
  readonly kind = 'ChangeLine';

  constructor(
    backorderId: string,
    lineId: string,
    readonly change: {
      readonly quantity: number;
      readonly cancel: boolean;
      readonly reason: string;
      readonly disposition: Disposition | null;
      readonly handedOver: number;
    },
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export class RaiseLineException extends LineCommand {
  readonly kind = 'RaiseLineException';

  constructor(
    backorderId: string,
    lineId: string,
    readonly lost: {
      readonly allocationId: string;
      readonly poId: string;
      readonly poNumber: string;
    },
    readonly reason: string,
    context: CommandContext,
  ) {
    super(backorderId, lineId, context);
  }
}

export type BackorderCommandMessage =
  | PlaceBackorder
  | OrderLineAnyway
  | LinkLineToStock
  | RecordLineOnPurchaseOrder
  | SetAsideLineUnits
  | OfferSubstitution
  | DecideSubstitution
  | RecordReadyNotice
  | FulfilLine
  | ChangeLine
  | RaiseLineException;
