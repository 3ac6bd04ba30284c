import {
  type ImportProfile,
  PROFILE_FIELDS,
  type ProfileField,
} from '../../src/catalog/imports/import-profile';
import type { RugProduct, RugSize, Shape } from './rug-products';
import type { CatalogVendor, PriceStyle, SheetColumn, SheetLayout } from './vendor-houses';

/** The ways a row of a real sheet goes wrong. */
export const BAD_ROW_KINDS = [
  'missing-sku',
  'negative-price',
  'absurd-price',
  'bad-size',
  'duplicate-sku',
  /** CSV only: a row with fewer cells than the header. */
  'short-row',
  /** JSON Lines only: a line that is not JSON. */
  'malformed-line',
] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

/** The kinds a sheet of this format can have. */
export function badRowKindsOf(layout: SheetLayout): readonly BadRowKind[] {
  const other: BadRowKind = layout.format === 'jsonl' ? 'short-row' : 'malformed-line';
  return BAD_ROW_KINDS.filter((kind) => kind !== other);
}

const PROFILE_FIELD_SET: ReadonlySet<string> = new Set(PROFILE_FIELDS);
const ABSURD_CENTS = 9_999_999_900;
const UNREADABLE_SIZES = ['large', '5x', 'TBD x 8', 'approx. 6 x 9', '8 by'];

/** `5'3"`, `8'`. */
function feetInches(inches: number): string {
  const feet = Math.floor(inches / 12);
  const rest = inches % 12;
  return rest === 0 ? `${feet}'` : `${feet}'${rest}"`;
}

/** `5.3` for 5 ft 3 in, `8` for 8 ft: the trade's feet.inches. */
function feetDotInches(inches: number): string {
  const rest = inches % 12;
  return rest === 0 ? String(inches / 12) : `${Math.floor(inches / 12)}.${rest}`;
}

/** Centimetres to the nearest ten, as metric sheets print them: 5'3" is 160. */
function centimetres(inches: number): string {
  return String(Math.round((inches * 2.54) / 10) * 10);
}

const SHAPE_NAMES: Readonly<Record<Shape, string>> = {
  rectangle: 'Rectangle',
  round: 'Round',
  square: 'Square',
  runner: 'Runner',
  oval: 'Oval',
};

/** The size as a store prints it: `5'3" x 7'6"`, `8' round`, `2'6" x 10' runner`. */
export function feetInchesLabel(size: RugSize): string {
  const width = feetInches(size.widthIn);
  const length = feetInches(size.lengthIn);
  switch (size.shape) {
    case 'round':
    case 'square':
      return `${width} ${size.shape}`;
    case 'runner':
    case 'oval':
      return `${width} x ${length} ${size.shape}`;
    case 'rectangle':
      return `${width} x ${length}`;
  }
}

function formatCents(cents: number, style: PriceStyle): string {
  if (style === 'minor') return String(cents);
  if (style === 'number') return String(cents / 100);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  if (style === 'plain') return `${sign}${whole}.${fraction}`;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style === 'eu' ? '.' : ',');
  return `${sign}${grouped}${style === 'eu' ? ',' : '.'}${fraction}`;
}

/** The one place cells of a delimited sheet are quoted: RFC 4180, quotes doubled. */
function quoter(delimiter: string): (cell: string) => string {
  const special = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : `\\${delimiter}`}]`);
  return (cell) => (special.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
}

/** What a bad row becomes, and for a duplicate, the SKU it repeats. */
export interface BadRow {
  readonly kind: BadRowKind;
  readonly repeatSku?: string;
}

/**
 * Writes products as one vendor's sheet: its header, its columns, its notations. Rows are lines
 * without their line end.
 */
export class SheetRows {
  private readonly layout: SheetLayout;
  private readonly quote: (cell: string) => string;
  private readonly metric: boolean;

  constructor(vendor: CatalogVendor) {
    this.layout = vendor.house.layout;
    this.quote = quoter(this.layout.delimiter);
    this.metric = this.layout.sizes === 'cm' || this.layout.sizes === 'columns-cm';
  }

  /** The header line; JSON Lines have none. */
  header(): string | null {
    if (this.layout.format === 'jsonl') return null;
    return this.layout.columns.map(([, header]) => this.quote(header)).join(this.layout.delimiter);
  }

  row(product: RugProduct, bad?: BadRow): string {
    const { layout } = this;
    const values = layout.columns.map(([column]) => this.cell(column, product, bad));
    if (layout.format === 'jsonl') {
      // JSON has its own numbers and lists: prices are numbers, pictures an array.
      const object: Record<string, string | number | readonly string[] | null> = {};
      layout.columns.forEach(([column, key], index) => {
        const value = values[index];
        if (value === '') object[key] = null;
        else if (column === 'images') object[key] = product.images;
        else if (isMoneyColumn(column) && layout.prices === 'number') object[key] = +value;
        else object[key] = value;
      });
      const line = JSON.stringify(object);
      // Cut off mid-value, as a truncated export leaves it.
      return bad?.kind === 'malformed-line' ? line.slice(0, Math.floor(line.length / 2)) : line;
    }
    const cells =
      bad?.kind === 'short-row' ? values.slice(0, Math.ceil(values.length / 2)) : values;
    return cells.map(this.quote).join(layout.delimiter);
  }

  private cell(column: SheetColumn, product: RugProduct, bad: BadRow | undefined): string {
    const { layout } = this;
    const size = product.size;
    switch (column) {
      case 'vendorSku':
        if (bad?.kind === 'missing-sku') return '';
        return bad?.kind === 'duplicate-sku' && bad.repeatSku ? bad.repeatSku : product.sku;
      case 'name':
        return this.name(product);
      case 'collection':
        return product.blankCollection ? '' : product.collection;
      case 'design':
        return product.design;
      case 'color':
        return product.color;
      case 'material':
        return product.blankMaterial ? '' : product.material;
      case 'size':
        if (bad?.kind === 'bad-size') return UNREADABLE_SIZES[product.sku.length % 5];
        return this.sizeLabel(size);
      case 'width':
        if (bad?.kind === 'bad-size') return UNREADABLE_SIZES[product.sku.length % 5];
        return this.metric ? centimetres(size.widthIn) : feetDotInches(size.widthIn);
      case 'length':
        return this.metric ? centimetres(size.lengthIn) : feetDotInches(size.lengthIn);
      case 'shape':
        return SHAPE_NAMES[size.shape];
      case 'cost':
        if (bad?.kind === 'negative-price') return formatCents(-product.cost, layout.prices);
        if (bad?.kind === 'absurd-price') return formatCents(ABSURD_CENTS, layout.prices);
        return formatCents(product.cost, layout.prices);
      case 'retailPrice':
        return formatCents(product.retail, layout.prices);
      case 'map':
        return formatCents(product.map, layout.prices);
      case 'images':
        return product.images.join(layout.imageSeparator);
      case 'upc':
        return product.upc;
      case 'status':
        return 'Active';
      case 'origin':
        return product.origin;
      case 'construction':
        return product.construction;
      case 'weight':
        return String(product.weightLbs);
    }
  }

  private sizeLabel(size: RugSize): string {
    switch (this.layout.sizes) {
      case 'feet-inches':
      case 'columns-ft':
        return feetInchesLabel(size);
      case 'feet-decimal':
        return `${feetDotInches(size.widthIn)}x${feetDotInches(size.lengthIn)}`;
      case 'cm':
      case 'columns-cm':
        return `${centimetres(size.widthIn)}x${centimetres(size.lengthIn)} cm`;
    }
  }

  /** `Kashan Medallion Ivory/Navy 5'3" x 7'6"`, or `Kashan Medallion, Ivory/Navy, 5'3" x 7'6"`. */
  private name(product: RugProduct): string {
    const size = this.metric
      ? `${centimetres(product.size.widthIn)}x${centimetres(product.size.lengthIn)} cm`
      : feetInchesLabel(product.size);
    return this.layout.names === 'commas'
      ? `${product.design} ${product.motif}, ${product.color}, ${size}`
      : `${product.design} ${product.motif} ${product.color} ${size}`;
  }
}

function isMoneyColumn(column: SheetColumn): boolean {
  return column === 'cost' || column === 'retailPrice' || column === 'map';
}

/** The import profile that maps this vendor's sheet: the same layout, read back. */
export function profileFor(vendor: CatalogVendor): ImportProfile {
  const { layout } = vendor.house;
  const columns: Partial<Record<ProfileField, string>> = {};
  for (const [column, header] of layout.columns) {
    if (PROFILE_FIELD_SET.has(column)) columns[column as ProfileField] = header;
  }
  const metric = layout.sizes === 'cm' || layout.sizes === 'columns-cm';
  return {
    name: vendor.slug,
    format: layout.format,
    ...(layout.format === 'csv' && layout.declareDelimiter ? { delimiter: layout.delimiter } : {}),
    columns,
    currency: 'USD',
    ...(layout.prices === 'minor' ? { priceUnit: 'minor' as const } : {}),
    ...(layout.sizes === 'cm' ? { sizeUnit: 'cm' as const } : {}),
    ...(layout.sizes === 'columns-ft' || layout.sizes === 'columns-cm'
      ? { dimensionUnit: metric ? ('cm' as const) : ('ft' as const) }
      : {}),
    ...(layout.retailMarkup ? { retailMarkup: layout.retailMarkup } : {}),
    ...(layout.imageSeparator !== '|' ? { imageSeparator: layout.imageSeparator } : {}),
  };
}
