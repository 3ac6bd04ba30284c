import type { CustomerSnapshot, PlacedLine } from '../../src/backorders/backorder.events';
import type { ProductSnapshot } from '../../src/catalog/product-snapshot';
import type { ProductDetails } from '../../src/catalog/product.events';
import type { CommandContext } from '../../src/shared/commands/command-context';
import { money } from '../../src/shared/domain/money';
import type { Allocation } from '../../src/purchasing/purchase-order.events';

export const context: CommandContext = {
  actor: 'sales-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
};

export function productDetails(overrides: Partial<ProductDetails> = {}): ProductDetails {
  return {
    vendorId: 'v-1',
    vendorSku: 'NR-1001',
    name: 'Heriz 8x10',
    collection: 'Heritage',
    design: 'Heriz',
    color: 'Red',
    size: '8x10',
    material: 'Wool',
    images: ['sha256-aaa'],
    dimensions: null,
    ...overrides,
  };
}

/** A product as copied into backorder and PO lines. */
export function productSnapshot(overrides: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return {
    productId: 'p-1',
    ...productDetails(),
    vendorName: 'Nourison Rugs',
    cost: money(120_000, 'USD'),
    retailPrice: money(289_900, 'USD'),
    ...overrides,
  };
}

export function customerSnapshot(overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return {
    customerId: 'cust-1',
    name: 'Ada Lovelace',
    phone: '+1 555 0100',
    email: 'ada@example.com',
    ...overrides,
  };
}

export function placedLine(overrides: Partial<PlacedLine> = {}): PlacedLine {
  const product = overrides.product ?? productSnapshot();
  return {
    lineId: 'l-1',
    product,
    quantity: 1,
    unitPrice: product.retailPrice,
    availableInStock: 0,
    ...overrides,
  };
}

/** A customer line's claim on a PO line; `placedAt` orders receiving (oldest first). */
export function allocation(overrides: Partial<Allocation> = {}): Allocation {
  return {
    allocationId: 'a-1',
    backorderId: 'bo-1',
    backorderNumber: 'BO-000001',
    lineId: 'l-1',
    customerId: 'cust-1',
    customerName: 'Ada Lovelace',
    quantity: 1,
    priority: 0,
    placedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
