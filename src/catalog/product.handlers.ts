import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { vendorDecider } from '../purchasing/vendor.decider';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
import { type CommandOutcome, DeciderExecutor } from '../shared/commands/decider-executor';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import {
  DiscontinueProduct,
  ListProduct,
  type ProductCommand,
  ReviseProduct,
} from './product.commands';
import { productDecider, type ProductState } from './product.decider';
import type { ProductEvent } from './product.events';

@Injectable()
abstract class ProductCommandHandler extends DeciderCommandHandler<
  ProductCommand,
  ProductEvent,
  ProductState
> {
  protected readonly decider = productDecider;

  protected streamOf(command: ProductCommand): string {
    return streams.product(command.productId);
  }
}

/**
 * A product belongs to a registered vendor. The vendor's stream is read, not a read model, so
 * a vendor registered a moment ago counts; vendors are never removed, so the check cannot go stale.
 */
@CommandHandler(ListProduct)
export class ListProductHandler extends ProductCommandHandler {
  constructor(private readonly reader: DeciderExecutor) {
    super(reader);
  }

  override async execute(command: ListProduct): Promise<CommandOutcome<ProductEvent>> {
    const { vendorId } = command.details;
    const { state } = await this.reader.load(vendorDecider, streams.vendor(vendorId));
    if (state.status !== 'registered') {
      throw new BusinessRuleViolation(
        'vendor-not-registered',
        `vendor ${vendorId} does not exist`,
        {
          vendorId,
        },
      );
    }
    return super.execute(command);
  }
}

@CommandHandler(ReviseProduct)
export class ReviseProductHandler extends ProductCommandHandler {}

@CommandHandler(DiscontinueProduct)
export class DiscontinueProductHandler extends ProductCommandHandler {}
