import type { Random } from './random';

export type Consolidation = 'per-order' | 'daily' | 'weekly' | 'manual';

interface Design {
  readonly name: string;
  readonly code: string;
}

/** A vendor of the demo shop and the kind of rugs its price sheet holds. */
export interface VendorSpec {
  readonly name: string;
  readonly leadTimeDays: number;
  readonly consolidation: Consolidation;
  readonly email: string;
  readonly phone: string;
  readonly skuPrefix: string;
  readonly imageHost: string;
  /** Share of the catalog. */
  readonly share: number;
  readonly collections: readonly string[];
  readonly designs: readonly Design[];
  readonly motifs: readonly string[];
  /** Material, retail cents per square foot, how often the vendor makes it. */
  readonly materials: readonly (readonly [string, number, number])[];
  /** One-of-a-kind pieces are measured, not made to a standard size. */
  readonly measuredSizes: boolean;
}

export interface ProductSpec {
  readonly vendor: number;
  readonly vendorSku: string;
  readonly name: string;
  readonly collection: string;
  readonly design: string;
  readonly color: string;
  readonly size: string;
  readonly material: string;
  readonly images: readonly string[];
  /** Cents, USD. */
  readonly cost: number;
  readonly retailPrice: number;
}

const designs = (names: string): Design[] =>
  names.split(',').map((name) => ({
    name,
    code: name
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase(),
  }));

/**
 * The four consolidation policies the app knows, each once, and a second daily vendor: a
 * machine-made mill that ships in ten days, next to a Persian importer that takes three weeks.
 */
export const VENDORS: readonly VendorSpec[] = [
  {
    name: 'Anatolia Weavers',
    leadTimeDays: 28,
    consolidation: 'per-order',
    email: 'orders@anatoliaweavers.example',
    phone: '+90 212 555 0143',
    skuPrefix: 'AW',
    imageHost: 'images.anatoliaweavers.example',
    share: 0.1,
    collections: ['Vintage Oushak', 'Anatolian Kilim', 'Overdyed Vintage', 'Konya Village'],
    designs: designs('Oushak,Konya,Kars,Milas,Bergama,Sivas,Yahyali,Taspinar'),
    motifs: ['Medallion', 'Allover', 'Tribal', 'Prayer', 'Geometric', 'Vintage'],
    materials: [
      ['Vintage hand-knotted wool', 6000, 5],
      ['Flatweave wool', 1800, 3],
      ['Hand-knotted wool', 4500, 2],
    ],
    measuredSizes: true,
  },
  {
    name: 'Silk Road Carpet Co.',
    leadTimeDays: 21,
    consolidation: 'daily',
    email: 'purchasing@silkroadcarpet.example',
    phone: '+1 212 555 0110',
    skuPrefix: 'SRC',
    imageHost: 'images.silkroadcarpet.example',
    share: 0.28,
    collections: ['Persian Heritage', 'Caravan', 'Silk Road Classics', 'Royal Tabriz'],
    designs: designs('Heriz,Tabriz,Kashan,Isfahan,Nain,Qum,Sarouk,Mahal,Bakhtiari,Kerman'),
    motifs: ['Medallion', 'Floral', 'Allover', 'Garden', 'Vase', 'Hunting'],
    materials: [
      ['Hand-knotted wool', 4500, 5],
      ['Hand-knotted wool & silk', 8500, 3],
      ['Hand-knotted silk', 16000, 1],
    ],
    measuredSizes: false,
  },
  {
    name: 'Kashan Heritage Imports',
    leadTimeDays: 42,
    consolidation: 'weekly',
    email: 'sales@kashanheritage.example',
    phone: '+1 718 555 0177',
    skuPrefix: 'KHI',
    imageHost: 'cdn.kashanheritage.example',
    share: 0.22,
    collections: ['Peshawar Chobi', 'Royal Bokhara', 'Ziegler Revival', 'Kazak Tribal'],
    designs: designs('Chobi,Bokhara,Ziegler,Kazak,Agra,Serapi,Mamluk,Khotan'),
    motifs: ['Medallion', 'Allover', 'Border', 'Tribal', 'Vine', 'Gul'],
    materials: [
      ['Hand-knotted wool', 4200, 6],
      ['Hand-knotted wool & silk', 8000, 1],
    ],
    measuredSizes: false,
  },
  {
    name: 'Himalaya Knot Works',
    leadTimeDays: 120,
    consolidation: 'manual',
    email: 'custom@himalayaknot.example',
    phone: '+977 1 555 0190',
    skuPrefix: 'HKW',
    imageHost: 'images.himalayaknot.example',
    share: 0.12,
    collections: ['Kathmandu Modern', 'Highland Abstract', 'Monsoon', 'Prayer Flag'],
    designs: designs('Everest,Lhasa,Annapurna,Cloud Band,Dzong,Yak Trail,Pokhara,Mustang'),
    motifs: ['Abstract', 'Ombre', 'Stripe', 'Tonal', 'Cloud'],
    materials: [
      ['Hand-knotted Tibetan wool, 100 knots', 7000, 4],
      ['Hand-knotted wool & Chinese silk', 9500, 3],
    ],
    measuredSizes: false,
  },
  {
    name: 'Atlas Loom Mills',
    leadTimeDays: 10,
    consolidation: 'daily',
    email: 'edi@atlasloom.example',
    phone: '+1 336 555 0125',
    skuPrefix: 'ALM',
    imageHost: 'media.atlasloom.example',
    share: 0.28,
    collections: ['Everyday Classics', 'Coastal Living', 'Modern Trellis', 'Washable Vintage'],
    designs: designs('Marrakesh,Trellis,Medallion,Distressed,Moroccan Diamond,Ikat,Herringbone'),
    motifs: ['Transitional', 'Vintage', 'Modern', 'Classic', 'Border'],
    materials: [
      ['Power-loomed polypropylene', 500, 4],
      ['Power-loomed wool', 900, 2],
      ['Hand-tufted wool', 1500, 2],
      ['Hand-loomed viscose', 1200, 1],
      ['Jute', 700, 1],
    ],
    measuredSizes: false,
  },
];

/** Sizes as vendors print them, with the square feet that price them. */
const STANDARD_SIZES: readonly (readonly [string, string, number])[] = [
  [`2' x 3'`, '0203', 6],
  [`3' x 5'`, '0305', 15],
  [`4' x 6'`, '0406', 24],
  [`5'3" x 7'6"`, '0508', 39.4],
  [`6' x 9'`, '0609', 54],
  [`7'9" x 9'9"`, '0810', 75.6],
  [`8' x 10'`, '0810S', 80],
  [`8'6" x 11'6"`, '0912', 97.8],
  [`9' x 12'`, '0912S', 108],
  [`10' x 14'`, '1014', 140],
  [`12' x 15'`, '1215', 180],
  [`2'6" x 8' runner`, 'R208', 20],
  [`2'6" x 10' runner`, 'R210', 25],
  [`2'6" x 12' runner`, 'R212', 30],
  [`6' round`, 'RD06', 28.3],
  [`8' round`, 'RD08', 50.3],
  [`8' square`, 'SQ08', 64],
];

const COLORS = [
  'Ivory/Navy',
  'Red/Navy',
  'Rust/Ivory',
  'Beige/Gold',
  'Charcoal/Grey',
  'Blue/Multi',
  'Sage/Cream',
  'Terracotta',
  'Midnight Blue',
  'Camel/Ivory',
  'Gold/Green',
  'Teal/Rust',
  'Black/Ivory',
  'Blush/Grey',
  'Brick Red',
  'Denim Blue',
  'Silver/Ivory',
  'Mocha/Sand',
];

/** A measured antique size, e.g. 6'4" x 9'8", and its square feet. */
function measuredSize(random: Random): [string, string, number] {
  const inches = (feet: number) => feet * 12 + random.int(0, 11);
  const width = inches(random.int(2, 9));
  const length = Math.max(width + 12, inches(random.int(3, 13)));
  const label = (total: number) =>
    total % 12 === 0 ? `${total / 12}'` : `${Math.floor(total / 12)}'${total % 12}"`;
  const code = `${String(Math.round(width / 12)).padStart(2, '0')}${String(Math.round(length / 12)).padStart(2, '0')}`;
  return [`${label(width)} x ${label(length)}`, code, (width * length) / 144];
}

/** Retail rounded the way rug stores price: $1,299, not $1,304.17. */
function retailCents(squareFeet: number, centsPerSquareFoot: number, random: Random): number {
  const dollars = (squareFeet * centsPerSquareFoot * (0.9 + random.next() * 0.3)) / 100;
  return Math.max(49, Math.round(dollars / 10) * 10 - 1) * 100;
}

/**
 * The catalog: each vendor's share of `count` products, in families of one design and material
 * offered in a few colorways and sizes, as a price sheet lists them.
 */
export function generateCatalog(count: number, random: Random): ProductSpec[] {
  const counts = VENDORS.map((v) => Math.floor(count * v.share));
  counts[1] += count - counts.reduce((a, b) => a + b, 0);
  const products: ProductSpec[] = [];
  VENDORS.forEach((vendor, index) => {
    const start = products.length;
    while (products.length - start < counts[index]) {
      const design = random.pick(vendor.designs);
      const motif = random.pick(vendor.motifs.filter((m) => m !== design.name));
      const collection = random.pick(vendor.collections);
      const [material, rate] = random.weighted(vendor.materials.map((m) => [m, m[2]] as const));
      const colors = random.shuffle(COLORS).slice(0, random.int(1, 3));
      const sizes = random.shuffle(STANDARD_SIZES).slice(0, random.int(1, 4));
      for (const color of colors) {
        for (const standard of sizes) {
          if (products.length - start >= counts[index]) break;
          const [size, sizeCode, squareFeet] = vendor.measuredSizes
            ? measuredSize(random)
            : standard;
          const sequence = String(products.length - start + 1).padStart(4, '0');
          const vendorSku = `${vendor.skuPrefix}-${design.code}-${sequence}-${sizeCode}`;
          const retailPrice = retailCents(squareFeet, rate, random);
          products.push({
            vendor: index,
            vendorSku,
            name: `${design.name} ${motif}`,
            collection,
            design: design.name,
            color,
            size,
            material,
            images: [`https://${vendor.imageHost}/${vendorSku}.jpg`],
            cost: Math.round((retailPrice * (0.4 + random.next() * 0.1)) / 100) * 100,
            retailPrice,
          });
        }
      }
    }
  });
  return products;
}
