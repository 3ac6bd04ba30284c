import type { CommandContext } from '../shared/commands/command-context';
import type { LineRef, Reservation } from './stock.events';

/** Every stock command names its operation, so that doing it again changes nothing. */
abstract class StockCommand {
  constructor(
    readonly productId: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

export class AdjustStock extends StockCommand {
  readonly kind = 'AdjustStock';

  constructor(
    productId: string,
    operationId: string,
    readonly delta: number,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(productId, operationId, context);
  }
}

export class ReceiveStock extends StockCommand {
  readonly kind = 'ReceiveStock';

  constructor(
    productId: string,
    operationId: string,
    readonly receipt: {
      readonly receiptId: string;
      readonly poId: string;
      readonly poNumber: string;
    },
    readonly quantity: number,
    readonly reserveFor: readonly Reservation[],
    context: CommandContext,
  ) {
    super(productId, operationId, context);
  }
}

/** The line is to hold `reservation.quantity` units in all: asking again for the same is a no-op. */
export class ReserveStock extends StockCommand {
  readonly kind = 'ReserveStock';

  constructor(
    productId: string,
    operationId: string,
    readonly reservation: Reservation,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(productId, operationId, context);
  }
}

export class ReleaseStockReservation extends StockCommand {
  readonly kind = 'ReleaseStockReservation';

  constructor(
    productId: string,
    operationId: string,
    readonly line: LineRef,
    readonly quantity: number,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(productId, operationId, context);
  }
}

export class TransferStockReservation extends StockCommand {
  readonly kind = 'TransferStockReservation';

  constructor(
    productId: string,
    operationId: string,
    readonly from: LineRef,
    readonly to: LineRef,
    readonly quantity: number,
    readonly reason: string,
    context: CommandContext,
  ) {
    super(productId, operationId, context);
  }
}

export class IssueStock extends StockCommand {
  readonly kind = 'IssueStock';

  constructor(
    productId: string,
    operationId: string,
    readonly line: LineRef,
    readonly quantity: number,
    context: CommandContext,
  ) {
    super(productId, operationId, context);
  }
}

export type StockCommandMessage =
  | AdjustStock
  | ReceiveStock
  | ReserveStock
  | ReleaseStockReservation
  | TransferStockReservation
  | IssueStock;
