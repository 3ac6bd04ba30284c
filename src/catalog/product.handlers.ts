import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VendorSnapshots } from '../vendors/vendor-snapshots';
import { DeciderExecutor } from '../shared/commands/decider-executor';
import { handlersFor, type Precondition } from '../shared/commands/handlers-for';
import type { Position } from '../shared/eventstore/event-envelope';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import {
  AddProductImage,
  ApplyProductChanges,
  DiscontinueProduct,
  ListProduct,
  type ProductCommand,
  ReviseProduct,
} from './product.commands';
import { productDecider } from './product.decider';

/**
 * A product belongs to a registered vendor. The vendor's stream is read, not a read model, so
 * a vendor registered a moment ago counts; vendors are never removed, so the check cannot go stale.
 */
@Injectable()
export class VendorIsRegistered implements Precondition<ListProduct> {
  constructor(private readonly vendors: VendorSnapshots) {}

  async check(command: ListProduct): Promise<void> {
    const { vendorId } = command.details;
    if (!(await this.vendors.registered(vendorId))) {
      throw new BusinessRuleViolation(
        'vendor-not-registered',
        `vendor ${vendorId} does not exist`,
        { vendorId },
      );
    }
  }
}

const streamOf = (command: ProductCommand) => streams.product(command.productId);

/** Many products in one atomic append: a price sheet's batch (see DeciderExecutor.executeAcross). */
@Injectable()
@CommandHandler(ApplyProductChanges)
export class ApplyProductChangesHandler implements ICommandHandler<ApplyProductChanges> {
  constructor(private readonly executor: DeciderExecutor) {}

  execute({
    changes,
    context,
  }: ApplyProductChanges): Promise<{ appended: number; position: Position | null }> {
    return this.executor.executeAcross(
      productDecider,
      changes.map(({ productId, isNew, command }) => ({
        stream: streams.product(productId),
        isNew,
        command,
      })),
      context,
    );
  }
}

export const productCommandHandlers = [
  ...handlersFor(productDecider, streamOf, [ListProduct], { precondition: VendorIsRegistered }),
  ...handlersFor(productDecider, streamOf, [ReviseProduct, DiscontinueProduct]),
  // Conflicts come only from other writers of the same product; the decision is repeatable.
  ...handlersFor(productDecider, streamOf, [AddProductImage], { attempts: 5 }),
  ApplyProductChangesHandler,
  VendorIsRegistered,
];
