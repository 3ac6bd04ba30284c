import type { ProfileField } from '../../src/catalog/imports/import-profile';

/** Columns a vendor's sheet carries that no profile maps: they are there because vendors send them. */
export type ExtraColumn = 'upc' | 'map' | 'status' | 'origin' | 'construction' | 'weight';
export type SheetColumn = ProfileField | ExtraColumn;

/**
 * How prices are written: `1,299.00` (us), `1299.00` (plain), `1.299,00` (eu), `129900` (minor,
 * cents) or a JSON number of dollars (number).
 */
export type PriceStyle = 'us' | 'plain' | 'eu' | 'minor' | 'number';

/**
 * How sizes are written: one column with `5'3" x 7'6"`, `8' round`, `2'6" x 10' runner`
 * (feet-inches), `5.3x7.6` plus a shape column (feet-decimal), `160x230 cm` plus a shape column
 * (cm); or width, length and shape columns in feet(.inches) or centimetres.
 */
export type SizeStyle = 'feet-inches' | 'feet-decimal' | 'cm' | 'columns-ft' | 'columns-cm';

/** How a name reads: `Kashan Medallion Ivory/Navy 5'3" x 7'6"`, or with commas between the parts. */
export type NameStyle = 'plain' | 'commas';

export interface SheetLayout {
  readonly format: 'csv' | 'jsonl';
  /** CSV only. */
  readonly delimiter: ',' | ';' | '\t' | '|';
  /** Whether the profile names the delimiter or leaves it to detection. */
  readonly declareDelimiter: boolean;
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly prices: PriceStyle;
  readonly sizes: SizeStyle;
  readonly names: NameStyle;
  readonly imageSeparator: string;
  /** When the sheet has no retail column, the markup the store applies to cost. */
  readonly retailMarkup?: number;
  /** The sheet's columns in order: what each holds and its header (or JSON key). */
  readonly columns: readonly (readonly [SheetColumn, string])[];
}

/** A rug vendor: its name, how its SKUs and picture addresses look, what it makes, how it writes. */
export interface VendorHouse {
  readonly name: string;
  readonly skuPrefix: string;
  readonly collections: readonly string[];
  readonly designs: readonly string[];
  /** Material names, each as likely as its weight. */
  readonly materials: readonly (readonly [string, number])[];
  readonly layout: SheetLayout;
}

const csv = {
  format: 'csv',
  delimiter: ',',
  declareDelimiter: false,
  bom: false,
  crlf: false,
  names: 'plain',
  imageSeparator: '|',
} as const;

/**
 * Twelve houses, every layout different: comma, semicolon (European prices), tab and pipe
 * separated sheets and JSON Lines; BOMs and CRLF on some; sizes in one column in four notations
 * or in width/length/shape columns; one sheet in cents; three without a retail column.
 */
export const VENDOR_HOUSES: readonly VendorHouse[] = [
  {
    name: 'Nourison',
    skuPrefix: 'NR',
    collections: [
      'Somerset',
      'Graphic Illusions',
      'Tranquil',
      'Passion',
      'Heritage Hall',
      'Grafix',
    ],
    designs: ['Kashan', 'Tabriz', 'Isfahan', 'Heriz', 'Damask', 'Trellis', 'Botanical', 'Sarouk'],
    materials: [
      ['Wool', 4],
      ['Polypropylene', 4],
      ['Wool/Viscose', 2],
    ],
    layout: {
      ...csv,
      prices: 'us',
      sizes: 'feet-inches',
      names: 'commas',
      columns: [
        ['vendorSku', 'Item #'],
        ['name', 'Description'],
        ['collection', 'Collection'],
        ['design', 'Design'],
        ['color', 'Color'],
        ['size', 'Size'],
        ['material', 'Material'],
        ['construction', 'Construction'],
        ['cost', 'Wholesale'],
        ['retailPrice', 'MSRP'],
        ['upc', 'UPC'],
        ['images', 'Image URLs'],
      ],
    },
  },
  {
    name: 'Surya',
    skuPrefix: 'SU',
    collections: ['Apricity', 'Kapadokya', 'Cappadocia', 'Harput', 'Monte Carlo', 'Chelsea'],
    designs: ['Oushak', 'Ikat', 'Moroccan Diamond', 'Abstract', 'Medallion', 'Ombre', 'Stripe'],
    materials: [
      ['Wool', 3],
      ['Polyester', 3],
      ['Jute', 1],
      ['Viscose', 1],
    ],
    layout: {
      ...csv,
      format: 'jsonl',
      prices: 'number',
      sizes: 'feet-inches',
      columns: [
        ['vendorSku', 'sku'],
        ['name', 'title'],
        ['collection', 'collection'],
        ['design', 'pattern'],
        ['color', 'colorway'],
        ['size', 'size'],
        ['material', 'material'],
        ['cost', 'cost'],
        ['retailPrice', 'msrp'],
        ['map', 'map'],
        ['upc', 'upc'],
        ['images', 'images'],
      ],
    },
  },
  {
    name: 'Loloi',
    skuPrefix: 'LL',
    collections: ['Layla', 'Chris Loves Julia', 'Magnolia Home', 'Skye', 'Rosette', 'Hathaway'],
    designs: ['Vintage', 'Distressed', 'Persian', 'Floral', 'Geometric', 'Border', 'Tribal'],
    materials: [
      ['Polypropylene', 3],
      ['Polyester/Polypropylene', 3],
      ['Hand-Hooked Wool', 2],
      ['Cotton', 1],
    ],
    layout: {
      ...csv,
      delimiter: '\t',
      declareDelimiter: true,
      prices: 'plain',
      sizes: 'columns-ft',
      columns: [
        ['vendorSku', 'SKU'],
        ['name', 'Product Name'],
        ['collection', 'Collection'],
        ['design', 'Pattern'],
        ['color', 'Color'],
        ['width', 'Width (ft)'],
        ['length', 'Length (ft)'],
        ['shape', 'Shape'],
        ['material', 'Fiber'],
        ['cost', 'Cost'],
        ['map', 'MAP'],
        ['retailPrice', 'MSRP'],
        ['images', 'Images'],
      ],
    },
  },
  {
    name: 'Jaipur Living',
    skuPrefix: 'JL',
    collections: ['Rize', 'Kiln', 'Genesis', 'Cirque', 'Fables', 'Mythos'],
    designs: ['Kilim', 'Trellis', 'Medallion', 'Abstract', 'Tribal', 'Solid', 'Chevron'],
    materials: [
      ['Hand-Knotted Wool', 2],
      ['Wool/Viscose', 3],
      ['Polyester', 3],
      ['Jute', 1],
    ],
    layout: {
      ...csv,
      bom: true,
      crlf: true,
      prices: 'plain',
      sizes: 'feet-decimal',
      imageSeparator: ';',
      columns: [
        ['vendorSku', 'Style No.'],
        ['name', 'Description'],
        ['collection', 'Collection'],
        ['design', 'Design'],
        ['color', 'Colorway'],
        ['size', 'Size'],
        ['shape', 'Shape'],
        ['material', 'Material'],
        ['origin', 'Country of Origin'],
        ['cost', 'Wholesale'],
        ['retailPrice', 'MAP'],
        ['images', 'Image Links'],
      ],
    },
  },
  {
    name: 'Safavieh',
    skuPrefix: 'SF',
    collections: ['Heritage', 'Madison', 'Evoke', 'Adirondack', 'Vintage Hamadan', 'Natura'],
    designs: ['Hamadan', 'Bakhtiari', 'Mahal', 'Medallion', 'Trellis', 'Overdyed', 'Border'],
    materials: [
      ['Wool', 3],
      ['Polypropylene', 4],
      ['Jute', 1],
      ['Cotton', 1],
    ],
    layout: {
      ...csv,
      delimiter: '|',
      declareDelimiter: true,
      prices: 'plain',
      sizes: 'feet-inches',
      imageSeparator: ',',
      retailMarkup: 2.4,
      columns: [
        ['vendorSku', 'STYLE_NO'],
        ['name', 'DESCRIPTION'],
        ['collection', 'COLLECTION'],
        ['design', 'DESIGN'],
        ['color', 'COLOR'],
        ['size', 'SIZE'],
        ['material', 'MATERIAL'],
        ['cost', 'UNIT_COST'],
        ['status', 'STATUS'],
        ['weight', 'WEIGHT_LBS'],
        ['images', 'IMAGE_URLS'],
      ],
    },
  },
  {
    name: 'Oriental Weavers',
    skuPrefix: 'OW',
    collections: ['Sphinx', 'Cambridge', 'Richmond', 'Andorra', 'Alfresco', 'Kharma'],
    designs: ['Kerman', 'Nain', 'Qum', 'Ziegler', 'Damask', 'Botanical', 'Herringbone'],
    materials: [
      ['Polypropylene', 5],
      ['Nylon', 2],
      ['Wool', 1],
    ],
    layout: {
      ...csv,
      delimiter: ';',
      declareDelimiter: true,
      bom: true,
      crlf: true,
      prices: 'eu',
      sizes: 'cm',
      columns: [
        ['vendorSku', 'Item Number'],
        ['name', 'Item Description'],
        ['collection', 'Collection'],
        ['design', 'Design'],
        ['color', 'Color'],
        ['size', 'Size'],
        ['shape', 'Shape'],
        ['material', 'Material'],
        ['cost', 'Net Price'],
        ['retailPrice', 'Retail Price'],
        ['origin', 'Origin'],
        ['images', 'Image'],
      ],
    },
  },
  {
    name: 'Karastan',
    skuPrefix: 'KR',
    collections: ['Kashmar', 'Spice Market', 'Artisan', 'Euphoria', 'Antiquities', 'Cosmopolitan'],
    designs: ['Kashmar', 'Sarouk', 'Serapi', 'Agra', 'Mamluk', 'Vine', 'Palmette'],
    materials: [
      ['New Zealand Wool', 5],
      ['Wool', 2],
      ['Nylon', 1],
    ],
    layout: {
      ...csv,
      crlf: true,
      prices: 'minor',
      sizes: 'feet-inches',
      columns: [
        ['vendorSku', 'ITEM_ID'],
        ['name', 'ITEM_DESC'],
        ['collection', 'COLLECTION'],
        ['design', 'PATTERN'],
        ['color', 'COLOR'],
        ['size', 'SIZE'],
        ['material', 'FIBER'],
        ['cost', 'COST_CENTS'],
        ['retailPrice', 'MSRP_CENTS'],
        ['upc', 'UPC'],
        ['images', 'IMAGE_URLS'],
      ],
    },
  },
  {
    name: 'Feizy',
    skuPrefix: 'FZ',
    collections: ['Kaia', 'Bellini', 'Micah', 'Pasha', 'Kano', 'Ashford'],
    designs: ['Bokhara', 'Kazak', 'Chobi', 'Khotan', 'Abstract', 'Ikat', 'Lattice'],
    materials: [
      ['Hand-Knotted Wool', 2],
      ['Hand-Knotted Wool & Silk', 1],
      ['Polypropylene/Polyester', 3],
    ],
    layout: {
      ...csv,
      delimiter: '\t',
      declareDelimiter: false,
      bom: true,
      prices: 'us',
      sizes: 'feet-decimal',
      columns: [
        ['vendorSku', 'Item'],
        ['name', 'Item Name'],
        ['collection', 'Collection'],
        ['design', 'Design'],
        ['color', 'Color'],
        ['size', 'Size'],
        ['shape', 'Shape'],
        ['material', 'Content'],
        ['cost', 'Price'],
        ['retailPrice', 'Suggested Retail'],
        ['images', 'Photos'],
      ],
    },
  },
  {
    name: 'Momeni',
    skuPrefix: 'MO',
    collections: ['Erin Gates', 'Novogratz', 'Afshar', 'Tangier', 'Lima', 'Caspian'],
    designs: ['Afshar', 'Serapi', 'Moroccan', 'Ikat', 'Stripe', 'Medallion', 'Geometric'],
    materials: [
      ['Wool', 3],
      ['Polypropylene', 3],
      ['Cotton', 1],
    ],
    layout: {
      ...csv,
      prices: 'plain',
      sizes: 'columns-cm',
      columns: [
        ['vendorSku', 'Item'],
        ['name', 'Description'],
        ['collection', 'Collection'],
        ['design', 'Design'],
        ['color', 'Color'],
        ['width', 'Width (cm)'],
        ['length', 'Length (cm)'],
        ['shape', 'Shape'],
        ['material', 'Material'],
        ['cost', 'Wholesale'],
        ['retailPrice', 'MSRP'],
        ['images', 'Images'],
      ],
    },
  },
  {
    name: 'Dalyn',
    skuPrefix: 'DA',
    collections: ['Aberdeen', 'Brisbane', 'Camberly', 'Marbella', 'Rhodes', 'Trevi'],
    designs: ['Oushak', 'Heriz', 'Tabriz', 'Ombre', 'Abstract', 'Distressed', 'Trellis'],
    materials: [
      ['Polyester', 4],
      ['Wool', 2],
      ['Viscose', 1],
    ],
    layout: {
      ...csv,
      prices: 'us',
      sizes: 'feet-inches',
      retailMarkup: 2.2,
      columns: [
        ['vendorSku', 'SKU'],
        ['name', 'Product Description'],
        ['collection', 'Collection'],
        ['design', 'Style'],
        ['color', 'Color'],
        ['size', 'Size'],
        ['material', 'Material'],
        ['cost', 'Dealer Cost'],
        ['status', 'Status'],
        ['images', 'Image URL'],
      ],
    },
  },
  {
    name: 'Kaleen',
    skuPrefix: 'KA',
    collections: ['Brooklyn', 'Global Inspirations', 'Chaps', 'Mystic', 'Relic', 'Zuma Beach'],
    designs: ['Taj', 'Floral', 'Paisley', 'Vine', 'Medallion', 'Coastal', 'Shell'],
    materials: [
      ['Hand-Tufted Wool', 4],
      ['Hand-Knotted Wool', 1],
      ['Polypropylene', 2],
    ],
    layout: {
      ...csv,
      delimiter: '|',
      declareDelimiter: true,
      crlf: true,
      prices: 'us',
      sizes: 'columns-ft',
      imageSeparator: ',',
      columns: [
        ['vendorSku', 'Style No.'],
        ['name', 'Style Name'],
        ['collection', 'Collection'],
        ['design', 'Design'],
        ['color', 'Color'],
        ['width', 'Width'],
        ['length', 'Length'],
        ['shape', 'Shape'],
        ['material', 'Material'],
        ['cost', 'Cost'],
        ['retailPrice', 'MSRP'],
        ['weight', 'Weight'],
        ['images', 'Image URLs'],
      ],
    },
  },
  {
    name: 'Couristan',
    skuPrefix: 'CO',
    collections: ['Everest', 'Recife', 'Easton', 'Old World Classics', 'Dolce', 'Monaco'],
    designs: ['Tabriz', 'Isfahan', 'Mahal', 'Sultanabad', 'Garden', 'Ikat', 'Greek Key'],
    materials: [
      ['Polypropylene', 3],
      ['Wool', 3],
      ['Jute', 1],
    ],
    layout: {
      ...csv,
      bom: true,
      prices: 'us',
      sizes: 'cm',
      retailMarkup: 2.5,
      names: 'commas',
      columns: [
        ['vendorSku', 'Item Code'],
        ['name', 'Item Description'],
        ['collection', 'Collection'],
        ['design', 'Pattern'],
        ['color', 'Colorway'],
        ['size', 'Size'],
        ['shape', 'Shape'],
        ['material', 'Fiber Content'],
        ['cost', 'Net Cost'],
        ['origin', 'Made In'],
        ['images', 'Image URLs'],
      ],
    },
  },
];

/** A vendor of the catalog: the house it writes like, its name and file names. */
export interface CatalogVendor {
  readonly house: VendorHouse;
  readonly name: string;
  /** Lower-case letters, digits and dashes: the profile's name and the sheet's base name. */
  readonly slug: string;
  readonly skuPrefix: string;
  readonly imageHost: string;
}

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The first `count` vendors: the twelve houses, then the houses again as numbered names. */
export function catalogVendors(count: number): CatalogVendor[] {
  return Array.from({ length: count }, (_, index) => {
    const house = VENDOR_HOUSES[index % VENDOR_HOUSES.length];
    const round = Math.floor(index / VENDOR_HOUSES.length) + 1;
    const name = round === 1 ? house.name : `${house.name} ${round}`;
    const suffix = round === 1 ? '' : String(round);
    return {
      house,
      name,
      slug: slugOf(name),
      skuPrefix: `${house.skuPrefix}${suffix}`,
      imageHost: `images.${slugOf(name).replace(/-/g, '')}.example`,
    };
  });
}
