import type { Random } from '../seed/random';
import type { CatalogVendor } from './vendor-houses';

export type Shape = 'rectangle' | 'round' | 'square' | 'runner' | 'oval';

/** A standard size: inches, shape, the code SKUs carry, and how often vendors make it. */
export interface RugSize {
  readonly widthIn: number;
  readonly lengthIn: number;
  readonly shape: Shape;
  readonly code: string;
  readonly weight: number;
}

const ft = (feet: number, inches = 0) => feet * 12 + inches;
const size = (w: number, l: number, shape: Shape, code: string, weight: number): RugSize => ({
  widthIn: w,
  lengthIn: l,
  shape,
  code,
  weight,
});

/** The sizes rug vendors make; the area rugs in the middle sell the most. */
export const RUG_SIZES: readonly RugSize[] = [
  size(ft(2), ft(3), 'rectangle', '0203', 5),
  size(ft(3), ft(5), 'rectangle', '0305', 6),
  size(ft(4), ft(6), 'rectangle', '0406', 5),
  size(ft(5, 3), ft(7, 6), 'rectangle', '0508', 9),
  size(ft(6), ft(9), 'rectangle', '0609', 6),
  size(ft(7, 9), ft(9, 9), 'rectangle', '0810', 7),
  size(ft(8), ft(10), 'rectangle', '0810S', 6),
  size(ft(8, 6), ft(11, 6), 'rectangle', '0912', 5),
  size(ft(9), ft(12), 'rectangle', '0912S', 6),
  size(ft(10), ft(14), 'rectangle', '1014', 3),
  size(ft(12), ft(15), 'rectangle', '1215', 2),
  size(ft(2, 6), ft(8), 'runner', 'R208', 5),
  size(ft(2, 6), ft(10), 'runner', 'R210', 4),
  size(ft(2, 6), ft(12), 'runner', 'R212', 2),
  size(ft(6), ft(6), 'round', 'RD06', 3),
  size(ft(8), ft(8), 'round', 'RD08', 3),
  size(ft(8), ft(8), 'square', 'SQ08', 1),
  size(ft(5), ft(8), 'oval', 'OV58', 1),
];

const SIZE_WEIGHTS = RUG_SIZES.map((s) => [s, s.weight] as const);

/** Colorways as sheets print them, with the code SKUs carry. */
export const COLORS: readonly (readonly [string, string])[] = [
  ['Ivory/Navy', 'IVNV'],
  ['Red/Navy', 'RDNV'],
  ['Rust/Ivory', 'RSIV'],
  ['Beige/Gold', 'BGGD'],
  ['Charcoal', 'CHAR'],
  ['Charcoal/Grey', 'CHGY'],
  ['Blue/Multi', 'BLMT'],
  ['Sage/Cream', 'SGCR'],
  ['Terracotta', 'TERR'],
  ['Midnight Blue', 'MDBL'],
  ['Camel/Ivory', 'CMIV'],
  ['Gold/Green', 'GDGN'],
  ['Teal/Rust', 'TLRS'],
  ['Black/Ivory', 'BKIV'],
  ['Blush/Grey', 'BHGY'],
  ['Brick Red', 'BRRD'],
  ['Denim Blue', 'DNBL'],
  ['Silver/Ivory', 'SLIV'],
  ['Mocha/Sand', 'MCSD'],
  ['Ivory', 'IVOR'],
  ['Light Grey', 'LTGY'],
  ['Navy/Ivory', 'NVIV'],
  ['Multi', 'MULT'],
  ['Natural', 'NATL'],
];

const MOTIFS = ['Medallion', 'Allover', 'Border', 'Floral', 'Vintage', 'Distressed', 'Geometric'];

/** Wholesale cents per square foot of each material, before the family's own spread. */
const COST_PER_SQFT: Readonly<Record<string, number>> = {
  Wool: 1100,
  'New Zealand Wool': 1400,
  'Hand-Knotted Wool': 2600,
  'Hand-Knotted Wool & Silk': 4200,
  'Hand-Tufted Wool': 900,
  'Hand-Hooked Wool': 800,
  'Wool/Viscose': 800,
  Viscose: 500,
  Polypropylene: 220,
  Polyester: 260,
  'Polyester/Polypropylene': 240,
  'Polypropylene/Polyester': 240,
  Nylon: 400,
  Jute: 350,
  Cotton: 300,
};

const CONSTRUCTION: Readonly<Record<string, string>> = {
  'Hand-Knotted Wool': 'Hand-Knotted',
  'Hand-Knotted Wool & Silk': 'Hand-Knotted',
  'Hand-Tufted Wool': 'Hand-Tufted',
  'Hand-Hooked Wool': 'Hand-Hooked',
  Jute: 'Hand-Woven',
  Cotton: 'Flatweave',
};

const ORIGINS = [
  'India',
  'Turkey',
  'Egypt',
  'Belgium',
  'Pakistan',
  'China',
  'Nepal',
  'Afghanistan',
];

/** One product of a vendor's sheet, before it is written in the vendor's layout. */
export interface RugProduct {
  readonly sku: string;
  readonly collection: string;
  readonly design: string;
  readonly motif: string;
  readonly color: string;
  readonly material: string;
  readonly construction: string;
  readonly origin: string;
  readonly size: RugSize;
  /** Cents. */
  readonly cost: number;
  /** Cents. */
  readonly retail: number;
  /** Cents: the minimum advertised price. */
  readonly map: number;
  readonly upc: string;
  readonly weightLbs: number;
  readonly images: readonly string[];
  /** Some rows leave the collection or material blank: still valid products. */
  readonly blankCollection: boolean;
  readonly blankMaterial: boolean;
}

const designCode = (design: string) =>
  design
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase();

/**
 * The products of one vendor in sheet order: families of one design and material in a few
 * colorways and sizes, as price sheets list them. SKUs are unique within the vendor: each family
 * has its own number, and within a family each colorway and size once.
 */
export function* rugProducts(vendor: CatalogVendor, random: Random): Generator<RugProduct> {
  const { house } = vendor;
  let family = 0;
  for (;;) {
    family++;
    const design = random.pick(house.designs);
    const motif = random.pick(MOTIFS.filter((m) => m !== design));
    const collection = random.pick(house.collections);
    const material = random.weighted(house.materials);
    const rate = (COST_PER_SQFT[material] ?? 500) * (0.8 + random.next() * 0.5);
    const construction = CONSTRUCTION[material] ?? 'Power-Loomed';
    const origin = random.pick(ORIGINS);
    const colors = random.shuffle(COLORS).slice(0, random.int(1, 3));
    const sizes = new Set<RugSize>();
    const sizeCount = random.int(2, 6);
    while (sizes.size < sizeCount) sizes.add(random.weighted(SIZE_WEIGHTS));
    const familyCode = `${designCode(design)}${String(family).padStart(3, '0')}`;
    for (const [color, colorCode] of colors) {
      for (const rugSize of sizes) {
        const sku = `${vendor.skuPrefix}-${familyCode}-${rugSize.code}-${colorCode}`;
        const squareFeet = (rugSize.widthIn * rugSize.lengthIn) / 144;
        // Wholesale to the quarter dollar; retail at 2 to 2.6 times cost, in whole dollars, and
        // from $200 on ending in 9 ($1,299) as rug stores price.
        const cost = Math.max(1500, Math.round((squareFeet * rate) / 25) * 25);
        const retailDollars = (cost * (2 + random.next() * 0.6)) / 100;
        const retail =
          (retailDollars < 200
            ? Math.round(retailDollars)
            : Math.round(retailDollars / 10) * 10 - 1) * 100;
        const imageCount = random.int(1, 4);
        const images = [`https://${vendor.imageHost}/${sku}.jpg`];
        for (let i = 2; i <= imageCount; i++) {
          images.push(`https://${vendor.imageHost}/${sku}_${i === imageCount ? 'room' : i}.jpg`);
        }
        yield {
          sku,
          collection,
          design,
          motif,
          color,
          material,
          construction,
          origin,
          size: rugSize,
          cost,
          retail,
          map: Math.round((retail * 0.85) / 100) * 100,
          upc: `0${String(random.int(10_000_000, 99_999_999))}${String(random.int(100, 999))}`,
          weightLbs: Math.max(2, Math.round(squareFeet * (0.4 + random.next() * 0.4))),
          images,
          blankCollection: random.chance(0.01),
          blankMaterial: random.chance(0.005),
        };
      }
    }
  }
}
