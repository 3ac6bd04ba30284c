import type { CommandContext } from '../shared/commands/command-context';
import type { Money } from '../shared/domain/money';
import type { ProductState } from './product.decider';
import type { EditableDetails, ProductDetails } from './product.events';

export class ListProduct {
  readonly kind = 'ListProduct';

  constructor(
    readonly productId: string,
    readonly details: ProductDetails,
    readonly cost: Money,
    readonly retailPrice: Money,
    readonly context: CommandContext,
  ) {}
}

export type ProductRevision = Partial<EditableDetails> & {
  readonly cost?: Money;
  readonly retailPrice?: Money;
};

export class ReviseProduct {
  readonly kind = 'ReviseProduct';

  constructor(
    readonly productId: string,
    readonly revision: ProductRevision,
    readonly context: CommandContext,
  ) {}
}

export class DiscontinueProduct {
  readonly kind = 'DiscontinueProduct';

  constructor(
    readonly productId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

/** Lists a stored picture on the product, after the ones it has; a listed one stays where it is. */
export class AddProductImage {
  readonly kind = 'AddProductImage';

  constructor(
    readonly productId: string,
    readonly hash: string,
    readonly context: CommandContext,
  ) {}
}

export type ProductCommand = ListProduct | ReviseProduct | DiscontinueProduct | AddProductImage;

/** One product of a bulk change: the command it calls for, on its state as read (null: none). */
export interface ProductChange {
  readonly productId: string;
  /** Decided on the initial state without reading the stream, which must then not exist. */
  readonly isNew?: boolean;
  readonly command: (state: ProductState) => ProductCommand | null;
}

/**
 * Changes to many products appended in one atomic call, all or nothing: a batch of a price
 * sheet. A product changed meanwhile fails the whole call with a conflict, to be decided again.
 */
export class ApplyProductChanges {
  readonly kind = 'ApplyProductChanges';

  constructor(
    readonly changes: readonly ProductChange[],
    readonly context: CommandContext,
  ) {}
}
