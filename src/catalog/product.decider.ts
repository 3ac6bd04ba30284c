import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { Money } from '../shared/domain/money';
import type { ProductCommand, ProductRevision } from './product.commands';
import type { EditableDetails, ProductDetails, ProductEvent } from './product.events';
import { imagesFull, PRODUCT_IMAGE_LIMIT } from './product-image-limit';

export type ProductState =
  | { readonly status: 'unlisted' }
  | {
      readonly status: 'listed' | 'discontinued';
      readonly productId: string;
      readonly details: ProductDetails;
      readonly cost: Money;
      readonly retailPrice: Money;
    };

const EDITABLE: readonly (keyof EditableDetails)[] = [
  'name',
  'collection',
  'design',
  'color',
  'size',
  'material',
  'images',
  'dimensions',
];

export const productDecider: Decider<ProductCommand, ProductEvent, ProductState> = {
  initialState: { status: 'unlisted' },

  evolve(state, event) {
    switch (event.type) {
      case 'ProductListed': {
        const { productId, cost, retailPrice, ...listed } = event.data;
        // Listings recorded before sizes were read carry no dimensions.
        const details = { ...listed, dimensions: listed.dimensions ?? null };
        return { status: 'listed', productId, details, cost, retailPrice };
      }
      case 'ProductDetailsChanged':
        return state.status === 'unlisted'
          ? state
          : { ...state, details: { ...state.details, ...event.data.changes } };
      case 'ProductCostChanged':
        return state.status === 'unlisted' ? state : { ...state, cost: event.data.cost };
      case 'ProductPriceChanged':
        return state.status === 'unlisted'
          ? state
          : { ...state, retailPrice: event.data.retailPrice };
      case 'ProductDiscontinued':
        return state.status === 'unlisted' ? state : { ...state, status: 'discontinued' };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'ListProduct': {
        assertMoney(command.cost, 'cost');
        assertMoney(command.retailPrice, 'retail price');
        if (state.status !== 'unlisted') {
          const same =
            sameDetails(state.details, command.details) &&
            sameMoney(state.cost, command.cost) &&
            sameMoney(state.retailPrice, command.retailPrice);
          if (same) return [];
          throw new BusinessRuleViolation(
            'product-already-listed',
            `vendor SKU ${command.details.vendorSku} is already listed for this vendor; revise it instead`,
            { productId: state.productId },
          );
        }
        return [
          {
            type: 'ProductListed',
            data: {
              productId: command.productId,
              ...command.details,
              cost: command.cost,
              retailPrice: command.retailPrice,
            },
          },
        ];
      }
      case 'ReviseProduct': {
        if (state.status === 'unlisted') throw new UnknownEntityError('product', command.productId);
        return revise(command.productId, command.revision, state);
      }
      case 'DiscontinueProduct': {
        if (state.status === 'unlisted') throw new UnknownEntityError('product', command.productId);
        if (state.status === 'discontinued') return [];
        return [
          {
            type: 'ProductDiscontinued',
            data: { productId: command.productId, reason: command.reason },
          },
        ];
      }
      case 'AddProductImage': {
        // The list as it stands plus the new hash, built from the state the executor read: two
        // pictures uploaded at once are both kept (the later append conflicts and decides again).
        if (state.status === 'unlisted') throw new UnknownEntityError('product', command.productId);
        const images = state.details.images;
        if (images.includes(command.hash)) return [];
        if (images.length >= PRODUCT_IMAGE_LIMIT) throw imagesFull(command.productId);
        return revise(command.productId, { images: [...images, command.hash] }, state);
      }
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};

function revise(
  productId: string,
  revision: ProductRevision,
  state: Extract<ProductState, { status: 'listed' | 'discontinued' }>,
): ProductEvent[] {
  const events: ProductEvent[] = [];
  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const field of EDITABLE) {
    const next = revision[field];
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(state.details[field])) {
      changes[field] = next;
      previous[field] = state.details[field];
    }
  }
  if (Object.keys(changes).length > 0) {
    events.push({ type: 'ProductDetailsChanged', data: { productId, changes, previous } });
  }
  if (revision.cost && !sameMoney(revision.cost, state.cost)) {
    assertMoney(revision.cost, 'cost');
    events.push({
      type: 'ProductCostChanged',
      data: { productId, cost: revision.cost, previous: state.cost },
    });
  }
  if (revision.retailPrice && !sameMoney(revision.retailPrice, state.retailPrice)) {
    assertMoney(revision.retailPrice, 'retail price');
    events.push({
      type: 'ProductPriceChanged',
      data: { productId, retailPrice: revision.retailPrice, previous: state.retailPrice },
    });
  }
  return events;
}

const DETAIL_FIELDS: readonly (keyof ProductDetails)[] = ['vendorId', 'vendorSku', ...EDITABLE];

function sameDetails(a: ProductDetails, b: ProductDetails): boolean {
  return DETAIL_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

function assertMoney(amount: Money, what: string): void {
  if (!Number.isSafeInteger(amount.amount) || amount.amount < 0) {
    throw new BusinessRuleViolation(
      'price-not-valid',
      `${what} must be a whole, non-negative amount of minor units`,
    );
  }
}

function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
