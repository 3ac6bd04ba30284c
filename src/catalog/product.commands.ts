import type { CommandContext } from '../shared/commands/command-context';
import type { Money } from '../shared/domain/money';
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

export type ProductCommand = ListProduct | ReviseProduct | DiscontinueProduct;
