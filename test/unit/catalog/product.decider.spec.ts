import {
  DiscontinueProduct,
  ListProduct,
  ReviseProduct,
} from '../../../src/catalog/product.commands';
import { productDecider } from '../../../src/catalog/product.decider';
import type { ProductEvent } from '../../../src/catalog/product.events';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../src/shared/domain/domain-errors';
import { money } from '../../../src/shared/domain/money';
import { given } from '../../support/decider';
import { context, productDetails } from '../../support/domain-fixtures';

const productId = 'p-1';
const details = productDetails();
const cost = money(120_000, 'USD');
const retailPrice = money(289_900, 'USD');
const listed: ProductEvent = {
  type: 'ProductListed',
  data: { productId, ...details, cost, retailPrice },
};
const discontinued: ProductEvent = {
  type: 'ProductDiscontinued',
  data: { productId, reason: 'vendor dropped the design' },
};

describe('product decider', () => {
  describe('ListProduct', () => {
    it('lists a new product with its details, cost and retail price', () => {
      expect(
        given(productDecider, []).when(
          new ListProduct(productId, details, cost, retailPrice, context),
        ),
      ).toEqual([listed]);
    });

    it('does nothing when the same listing is repeated', () => {
      expect(
        given(productDecider, [listed]).when(
          new ListProduct(productId, details, cost, retailPrice, context),
        ),
      ).toEqual([]);
    });

    it('refuses to list the vendor SKU again with other data', () => {
      const list = () =>
        given(productDecider, [listed]).when(
          new ListProduct(productId, details, cost, money(299_900, 'USD'), context),
        );
      expect(list).toThrow(BusinessRuleViolation);
      expect(list).toThrow(expect.objectContaining({ rule: 'product-already-listed' }));
    });

    it.each([
      ['a negative cost', money(-1, 'USD'), retailPrice],
      ['a fractional retail price', cost, money(10.5, 'USD')],
    ])('refuses %s', (_what, badCost, badPrice) => {
      expect(() =>
        given(productDecider, []).when(
          new ListProduct(productId, details, badCost, badPrice, context),
        ),
      ).toThrow(expect.objectContaining({ rule: 'price-not-valid' }));
    });
  });

  describe('ReviseProduct', () => {
    it('records changed details with their previous values, leaving equal fields out', () => {
      const events = given(productDecider, [listed]).when(
        new ReviseProduct(
          productId,
          { color: 'Blue', size: '8x10', images: ['sha256-bbb'] },
          context,
        ),
      );
      expect(events).toEqual([
        {
          type: 'ProductDetailsChanged',
          data: {
            productId,
            changes: { color: 'Blue', images: ['sha256-bbb'] },
            previous: { color: 'Red', images: ['sha256-aaa'] },
          },
        },
      ]);
    });

    it('records a new cost and a new retail price with the previous ones', () => {
      const events = given(productDecider, [listed]).when(
        new ReviseProduct(
          productId,
          {
            name: 'Heriz 8x10 (new weave)',
            cost: money(125_000, 'USD'),
            retailPrice: money(299_900, 'USD'),
          },
          context,
        ),
      );
      expect(events).toEqual([
        {
          type: 'ProductDetailsChanged',
          data: {
            productId,
            changes: { name: 'Heriz 8x10 (new weave)' },
            previous: { name: 'Heriz 8x10' },
          },
        },
        {
          type: 'ProductCostChanged',
          data: { productId, cost: money(125_000, 'USD'), previous: cost },
        },
        {
          type: 'ProductPriceChanged',
          data: { productId, retailPrice: money(299_900, 'USD'), previous: retailPrice },
        },
      ]);
    });

    it('does nothing when the revision matches the product as it is', () => {
      expect(
        given(productDecider, [listed]).when(
          new ReviseProduct(productId, { color: 'Red', cost, retailPrice }, context),
        ),
      ).toEqual([]);
    });

    it('compares against the product as revised before', () => {
      const recolored: ProductEvent = {
        type: 'ProductDetailsChanged',
        data: { productId, changes: { color: 'Blue' }, previous: { color: 'Red' } },
      };
      const repriced: ProductEvent = {
        type: 'ProductPriceChanged',
        data: { productId, retailPrice: money(299_900, 'USD'), previous: retailPrice },
      };
      const history = [listed, recolored, repriced];
      expect(
        given(productDecider, history).when(
          new ReviseProduct(
            productId,
            { color: 'Blue', retailPrice: money(299_900, 'USD') },
            context,
          ),
        ),
      ).toEqual([]);
      expect(
        given(productDecider, history).when(
          new ReviseProduct(productId, { color: 'Red' }, context),
        ),
      ).toEqual([
        {
          type: 'ProductDetailsChanged',
          data: { productId, changes: { color: 'Red' }, previous: { color: 'Blue' } },
        },
      ]);
    });

    it('refuses a cost that is not whole minor units', () => {
      expect(() =>
        given(productDecider, [listed]).when(
          new ReviseProduct(productId, { cost: money(99.99, 'USD') }, context),
        ),
      ).toThrow(expect.objectContaining({ rule: 'price-not-valid' }));
    });

    it('refuses to revise a product that was never listed', () => {
      expect(() =>
        given(productDecider, []).when(new ReviseProduct(productId, { color: 'Blue' }, context)),
      ).toThrow(UnknownEntityError);
    });
  });

  describe('DiscontinueProduct', () => {
    it('discontinues a listed product with the reason', () => {
      expect(
        given(productDecider, [listed]).when(
          new DiscontinueProduct(productId, 'vendor dropped the design', context),
        ),
      ).toEqual([discontinued]);
    });

    it('does nothing when the product is already discontinued', () => {
      expect(
        given(productDecider, [listed, discontinued]).when(
          new DiscontinueProduct(productId, 'again', context),
        ),
      ).toEqual([]);
    });

    it('refuses to discontinue a product that was never listed', () => {
      expect(() =>
        given(productDecider, []).when(new DiscontinueProduct(productId, 'gone', context)),
      ).toThrow(UnknownEntityError);
    });
  });
});
