/** Product fields a sheet's columns can be mapped to. */
export const PROFILE_FIELDS = [
  'vendorSku',
  'name',
  'cost',
  'retailPrice',
  'collection',
  'design',
  'color',
  'material',
  'size',
  'width',
  'length',
  'shape',
  'images',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** How a profile is named: short, lower-case, usable in a URL. */
export const PROFILE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The fields every profile must map: without them a row cannot become a product. */
export const REQUIRED_PROFILE_FIELDS: readonly ProfileField[] = ['vendorSku', 'name', 'cost'];

/**
 * How one vendor writes its price sheets, saved under a name for the next sheet from that vendor.
 */
export interface ImportProfile {
  /** lower-case letters, digits and dashes, e.g. `nourison-2026`. */
  readonly name: string;
  readonly format: 'csv' | 'jsonl';
  /** CSV only: one character; detected from the header line when absent. */
  readonly delimiter?: string;
  /** Product field -> the sheet's column header (CSV) or key (JSON Lines), matched case-insensitively. */
  readonly columns: Partial<Record<ProfileField, string>>;
  /** ISO 4217 code of the sheet's money. */
  readonly currency: string;
  /** How prices are written: `1,299.00` (major units, the default) or `129900` (minor units). */
  readonly priceUnit?: 'major' | 'minor';
  /** Bare sizes such as `5x8` or `5.3x7.6`: feet(.inches), the trade's habit (default), or centimetres. */
  readonly sizeUnit?: 'ft' | 'cm';
  /** Width and length columns: in feet (default) or centimetres. */
  readonly dimensionUnit?: 'ft' | 'cm';
  /** When the sheet has no retail price: retail = cost x markup (e.g. 2.2). */
  readonly retailMarkup?: number;
  /** Separator of several image URLs in one cell; default `|`. */
  readonly imageSeparator?: string;
}
