import { type ProductSpec, VENDORS } from './catalog';
import type { CustomerSpec } from './customers';
import type { Random } from './random';

export const SALESPEOPLE = ['maria', 'james', 'sofia'];

export interface Product extends ProductSpec {
  readonly id: string;
}

export interface Customer extends CustomerSpec {
  readonly id: string;
}

export interface OrderPlan {
  readonly customer: Customer;
  readonly salesperson: string;
  readonly notes?: string;
  readonly lines: readonly {
    readonly product: Product;
    readonly quantity: number;
    /** A negotiated price in cents; the retail price otherwise. */
    readonly unitPrice?: number;
  }[];
}

export interface Cast {
  readonly keep: Product;
  readonly handOver: Product;
  readonly pair: Product;
  readonly substitutedAccepted: { readonly ordered: Product; readonly substitute: Product };
  readonly substitutedPending: { readonly ordered: Product; readonly substitute: Product };
  readonly revised: Product;
  readonly discontinued: Product;
  readonly reduced: Product;
  /** Lines of the manual stock PO. */
  readonly restock: readonly Product[];
  /** Pieces on the showroom floor: no everyday order asks for them, so no link is unplanned. */
  readonly showroom: readonly Product[];
  /** Per vendor: the few designs most customers ask for, and the rest of the catalog. */
  readonly bestsellers: readonly (readonly Product[])[];
  readonly catalog: readonly (readonly Product[])[];
}

/**
 * Sets aside the products the story needs, so everyday orders never touch them and each
 * scene plays out the same way whatever else was ordered.
 */
export function castProducts(products: readonly Product[], random: Random): Cast {
  const byVendor = VENDORS.map((_, v) => random.shuffle(products.filter((p) => p.vendor === v)));
  const take = (vendor: number, prefer: (p: Product) => boolean = () => true) => {
    const pool = byVendor[vendor];
    const index = Math.max(0, pool.findIndex(prefer));
    return pool.splice(index, 1)[0];
  };
  const runner = (p: Product) => p.size.includes('runner');
  const withSubstitute = (vendor: number) => {
    const ordered = take(vendor);
    const substitute = take(
      vendor,
      (p) => p.design === ordered.design && p.size === ordered.size && p.color !== ordered.color,
    );
    return { ordered, substitute };
  };
  // Positions in VENDORS: the Persian importer, the heritage importer, the Himalayan workshop, the mill.
  const [persian, heritage, himalaya, mill] = [1, 2, 3, 4];
  const cast = {
    keep: take(mill),
    handOver: take(persian),
    pair: take(heritage, runner),
    substitutedAccepted: withSubstitute(heritage),
    substitutedPending: withSubstitute(persian),
    revised: take(persian),
    discontinued: take(heritage),
    reduced: take(persian, runner),
    restock: [take(himalaya), take(himalaya)],
  };
  const showroomCount = Math.min(36, Math.floor(products.length / 10));
  const showroom = Array.from({ length: showroomCount }, (_, i) => take(i % VENDORS.length));
  const bestsellers = byVendor.map((pool) =>
    pool.splice(0, Math.max(3, Math.min(20, Math.floor(pool.length / 8)))),
  );
  return { ...cast, showroom, bestsellers, catalog: byVendor };
}

/** An everyday order: mostly one rug, a bestseller more often than not, now and then a deal. */
export function bulkOrder(customers: readonly Customer[], cast: Cast, random: Random): OrderPlan {
  const count = random.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ] as const);
  const lines: OrderPlan['lines'][number][] = [];
  while (lines.length < count) {
    const vendor = random.weighted(VENDORS.map((v, i) => [i, v.share] as const));
    const pool = random.chance(0.6) ? cast.bestsellers[vendor] : cast.catalog[vendor];
    const product = random.pick(pool.length > 0 ? pool : cast.bestsellers[vendor]);
    if (lines.some((l) => l.product.id === product.id)) continue;
    const quantity = random.chance(runnerOrSmall(product) ? 0.25 : 0.04) ? 2 : 1;
    const negotiated = random.chance(0.12);
    lines.push({
      product,
      quantity,
      ...(negotiated ? { unitPrice: Math.round((product.retailPrice * 0.9) / 100) * 100 } : {}),
    });
  }
  return {
    customer: random.pick(customers),
    salesperson: random.pick(SALESPEOPLE),
    ...(random.chance(0.15) ? { notes: random.pick(NOTES) } : {}),
    lines,
  };
}

const NOTES = [
  'Deliver after the 15th',
  'Call before delivery; the building has a freight elevator',
  'Gift: no prices on the paperwork',
  'Needs a rug pad cut to size',
  'Customer will pick up on a Saturday',
  'Deposit by check',
];

function runnerOrSmall(product: Product): boolean {
  return product.size.includes('runner') || product.size.startsWith("2'");
}
