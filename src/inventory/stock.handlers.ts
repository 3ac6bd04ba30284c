import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { productDecider } from '../catalog/product.decider';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
import { type CommandOutcome, DeciderExecutor } from '../shared/commands/decider-executor';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import {
  AdjustStock,
  IssueStock,
  ReceiveStock,
  ReleaseStockReservation,
  ReserveStock,
  type StockCommandMessage,
  TransferStockReservation,
} from './stock.commands';
import { stockDecider, type StockState } from './stock.decider';
import type { StockEvent } from './stock.events';

@Injectable()
abstract class StockCommandHandler extends DeciderCommandHandler<
  StockCommandMessage,
  StockEvent,
  StockState
> {
  protected readonly decider = stockDecider;

  protected streamOf(command: StockCommandMessage): string {
    return streams.stock(command.productId);
  }
}

/**
 * Staff count stock of catalog products only: an adjustment naming no product would start a
 * stock stream nothing could ever sell. Read from the product's stream, so a product listed a
 * moment ago counts.
 */
@CommandHandler(AdjustStock)
export class AdjustStockHandler extends StockCommandHandler {
  constructor(private readonly reader: DeciderExecutor) {
    super(reader);
  }

  override async execute(command: AdjustStock): Promise<CommandOutcome<StockEvent>> {
    const { productId } = command;
    const { state } = await this.reader.load(productDecider, streams.product(productId));
    if (state.status === 'unlisted') {
      throw new BusinessRuleViolation('product-not-listed', `product ${productId} does not exist`, {
        productId,
      });
    }
    return super.execute(command);
  }
}

@CommandHandler(ReceiveStock)
export class ReceiveStockHandler extends StockCommandHandler {}

@CommandHandler(ReserveStock)
export class ReserveStockHandler extends StockCommandHandler {}

@CommandHandler(ReleaseStockReservation)
export class ReleaseStockReservationHandler extends StockCommandHandler {}

@CommandHandler(TransferStockReservation)
export class TransferStockReservationHandler extends StockCommandHandler {}

@CommandHandler(IssueStock)
export class IssueStockHandler extends StockCommandHandler {}
