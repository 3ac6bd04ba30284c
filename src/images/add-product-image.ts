import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { ReviseProduct } from '../catalog/product.commands';
import { productDecider, type ProductState } from '../catalog/product.decider';
import type { ProductEvent } from '../catalog/product.events';
import type { CommandContext } from '../shared/commands/command-context';
import { type CommandOutcome, DeciderExecutor } from '../shared/commands/decider-executor';
import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import { WrongExpectedVersionError } from '../shared/eventstore/event-store.errors';
import { streams } from '../shared/eventstore/stream-names';

/** As many pictures as a product may list (the limit the product DTOs hold to). */
export const PRODUCT_IMAGE_LIMIT = 20;

/** Lists a stored picture on the product, after the ones it has; a listed one stays where it is. */
export class AddProductImage {
  readonly kind = 'AddProductImage';

  constructor(
    readonly productId: string,
    readonly hash: string,
    readonly context: CommandContext,
  ) {}
}

/**
 * The product's own decider, asked to revise the image list into the list as it stands plus the
 * new hash. Building that list from the state the executor reads (rather than from one read
 * earlier) and appending at exactly that revision means two pictures uploaded at once are both
 * kept: the later append conflicts and is decided again, never overwrites the other.
 */
const addImageDecider: Decider<AddProductImage, ProductEvent, ProductState> = {
  initialState: productDecider.initialState,
  evolve: productDecider.evolve,
  decide(command, state) {
    if (state.status === 'unlisted') throw new UnknownEntityError('product', command.productId);
    const images = state.details.images;
    if (images.includes(command.hash)) return [];
    if (images.length >= PRODUCT_IMAGE_LIMIT) throw imagesFull(command.productId);
    const revision = { images: [...images, command.hash] };
    return productDecider.decide(
      new ReviseProduct(command.productId, revision, command.context),
      state,
    );
  },
};

export function imagesFull(productId: string): BusinessRuleViolation {
  return new BusinessRuleViolation(
    'product-images-full',
    `a product lists at most ${PRODUCT_IMAGE_LIMIT} pictures; remove one before adding another`,
    { productId },
  );
}

/** Conflicts come only from other writers of the same product; the decision is repeatable. */
const ATTEMPTS = 5;

@Injectable()
@CommandHandler(AddProductImage)
export class AddProductImageHandler {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute(command: AddProductImage): Promise<CommandOutcome<ProductEvent>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.executor.execute(
          addImageDecider,
          streams.product(command.productId),
          command,
          command.context,
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
