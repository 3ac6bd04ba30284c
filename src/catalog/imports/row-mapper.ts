import { type Money } from '../../shared/domain/money';
import { normalizeVendorSku } from '../product-id';
import {
  type ImportProfile,
  PROFILE_FIELDS,
  PROFILE_NAME,
  type ProfileField,
  REQUIRED_PROFILE_FIELDS,
} from './import-profile';
import { currencyDigits, parsePrice } from './price-notation';
import { hasControlCharacters } from '../../shared/http/well-formed-text';
import { normalizeLabel, normalizeName } from './product-text';
import type { Dimensions, MappedRow } from './sheet-product';
import { dimensionsFromParts, parseSize } from './size-notation';

const MAX_SKU = 64;
const MAX_NAME = 200;
const MAX_LABEL = 120;
const MAX_IMAGES = 20;
const MIN_MARKUP = 1;
const MAX_MARKUP = 20;
const CONTROL_CHARACTERS = 'holds control characters (NUL, escape codes, direction overrides)';
const HTTP_URL = /^https?:\/\/[^\s/?#]\S*$/i;

const PROFILE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'format',
  'delimiter',
  'columns',
  'currency',
  'priceUnit',
  'sizeUnit',
  'dimensionUnit',
  'retailMarkup',
  'imageSeparator',
]);
const FIELD_SET: ReadonlySet<string> = new Set(PROFILE_FIELDS);

/** The fields a sheet must carry under this profile: retail may come from a markup instead. */
function requiredFields(profile: ImportProfile): ProfileField[] {
  return profile.retailMarkup === undefined
    ? [...REQUIRED_PROFILE_FIELDS, 'retailPrice']
    : [...REQUIRED_PROFILE_FIELDS];
}

/** Profiles and sheets disagree on case and stray spaces: `Item # ` is `item #`. */
function headerKey(header: string): string {
  return header.trim().toLowerCase();
}

/**
 * The columns the profile needs that the sheet's header lacks, named as the profile names them
 * (a field the profile does not map at all is named by its field).
 */
export function missingColumns(profile: ImportProfile, headers: readonly string[]): string[] {
  const present = new Set(headers.map(headerKey));
  const missing: string[] = [];
  for (const field of requiredFields(profile)) {
    const column = profile.columns[field];
    if (column === undefined) missing.push(field);
    else if (!present.has(headerKey(column))) missing.push(column);
  }
  return missing;
}

/**
 * Checks a profile as received (an API body, a saved file): every key known, every value of the
 * right kind, and the fields without which no row can become a product mapped.
 */
export function validateProfile(
  value: unknown,
): { ok: true; profile: ImportProfile } | { ok: false; errors: string[] } {
  if (!isRecord(value)) return { ok: false, errors: ['a profile must be a JSON object'] };
  const errors: string[] = [];
  for (const key of Object.keys(value)) {
    if (!PROFILE_KEYS.has(key)) errors.push(`unknown setting '${key}'`);
  }

  const { name, format, delimiter, columns, currency, priceUnit, sizeUnit, dimensionUnit } = value;
  const { retailMarkup, imageSeparator } = value;
  if (typeof name !== 'string' || !PROFILE_NAME.test(name)) {
    errors.push(
      'name must be 1 to 63 lower-case letters, digits or dashes, not starting with a dash',
    );
  }
  if (format !== 'csv' && format !== 'jsonl') errors.push("format must be 'csv' or 'jsonl'");
  if (delimiter !== undefined) {
    if (typeof delimiter !== 'string' || [...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
      errors.push('delimiter must be one character other than a quote or a line break');
    } else if (format === 'jsonl') {
      errors.push('delimiter applies to CSV sheets only');
    }
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    errors.push('currency must be an ISO 4217 code of three capital letters, e.g. USD');
  } else if (currencyDigits(currency) === null) {
    errors.push(`currency '${currency}' is not known`);
  }
  if (priceUnit !== undefined && priceUnit !== 'major' && priceUnit !== 'minor') {
    errors.push("priceUnit must be 'major' or 'minor'");
  }
  if (sizeUnit !== undefined && sizeUnit !== 'ft' && sizeUnit !== 'cm') {
    errors.push("sizeUnit must be 'ft' or 'cm'");
  }
  if (dimensionUnit !== undefined && dimensionUnit !== 'ft' && dimensionUnit !== 'cm') {
    errors.push("dimensionUnit must be 'ft' or 'cm'");
  }
  if (
    retailMarkup !== undefined &&
    (typeof retailMarkup !== 'number' ||
      !Number.isFinite(retailMarkup) ||
      retailMarkup < MIN_MARKUP ||
      retailMarkup > MAX_MARKUP)
  ) {
    errors.push(`retailMarkup must be a number from ${MIN_MARKUP} to ${MAX_MARKUP}`);
  }
  if (
    imageSeparator !== undefined &&
    (typeof imageSeparator !== 'string' || imageSeparator === '' || imageSeparator.length > 5)
  ) {
    errors.push('imageSeparator must be 1 to 5 characters');
  }

  if (!isRecord(columns)) {
    errors.push('columns must map product fields to column headers');
  } else {
    for (const [field, column] of Object.entries(columns)) {
      if (!FIELD_SET.has(field)) {
        errors.push(`columns: unknown field '${field}' (fields: ${PROFILE_FIELDS.join(', ')})`);
      } else if (typeof column !== 'string' || column.trim() === '' || column.length > 200) {
        errors.push(`columns.${field} must be a column header of 1 to 200 characters`);
      }
    }
    const needed = [
      ...REQUIRED_PROFILE_FIELDS,
      ...(retailMarkup === undefined ? ['retailPrice'] : []),
    ];
    for (const field of needed) {
      if (columns[field] === undefined) {
        errors.push(
          field === 'retailPrice'
            ? 'columns.retailPrice must be mapped, or retailMarkup set'
            : `columns.${field} must be mapped`,
        );
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, profile: value as unknown as ImportProfile };
}

/**
 * Prepares the mapping of one sheet's rows under a profile: the header lookup is done once, as
 * the returned function runs for every row (hundreds of thousands per sheet).
 */
export function createRowMapper(
  profile: ImportProfile,
  headers: readonly string[],
): (values: Record<string, string>) => MappedRow {
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const keyOf = (field: ProfileField): string | undefined => {
    const column = profile.columns[field];
    return column === undefined ? undefined : byKey.get(headerKey(column));
  };
  const keys = {
    vendorSku: keyOf('vendorSku'),
    name: keyOf('name'),
    cost: keyOf('cost'),
    retailPrice: keyOf('retailPrice'),
    collection: keyOf('collection'),
    design: keyOf('design'),
    color: keyOf('color'),
    material: keyOf('material'),
    size: keyOf('size'),
    width: keyOf('width'),
    length: keyOf('length'),
    shape: keyOf('shape'),
    images: keyOf('images'),
  };
  const currency = profile.currency;
  const priceUnit = profile.priceUnit ?? 'major';
  const sizeUnit = profile.sizeUnit ?? 'ft';
  const dimensionUnit = profile.dimensionUnit ?? 'ft';
  const separator = profile.imageSeparator ?? '|';
  const markup = profile.retailMarkup;
  const majorUnit = 10 ** (currencyDigits(currency) ?? 2);
  // A sheet repeats a few dozen sizes, colors and prices over thousands of rows: read each once.
  const priceOf = memoize((text) => parsePrice(text, currency, priceUnit));
  const labelOf = memoize(normalizeLabel);
  const sizeOf = memoize((key) => {
    const [text, shape] = key.split('\u0000');
    return parseSize(text, sizeUnit, shape);
  });
  const partsOf = memoize((key) => {
    const [width, length, shape] = key.split('\u0000');
    return dimensionsFromParts(width, length, shape, dimensionUnit);
  });

  return (values) => {
    const cell = (key: string | undefined): string =>
      key === undefined ? '' : (values[key] ?? '');
    const reasons: string[] = [];

    const skuText = cell(keys.vendorSku).trim().normalize('NFC');
    if (skuText === '') reasons.push('vendorSku: missing');
    else if (skuText.length > MAX_SKU) reasons.push(`vendorSku: longer than ${MAX_SKU} characters`);
    else if (hasControlCharacters(skuText)) reasons.push(`vendorSku: ${CONTROL_CHARACTERS}`);

    // Lengths first: the text of an overlong cell is never worked on.
    const nameText = cell(keys.name);
    const name = overlong(nameText, MAX_NAME) ? undefined : normalizeName(nameText);
    if (name === null) reasons.push('name: missing');
    else if (name === undefined || name.length > MAX_NAME) {
      reasons.push(`name: longer than ${MAX_NAME} characters`);
    } else if (hasControlCharacters(name)) reasons.push(`name: ${CONTROL_CHARACTERS}`);

    let cost: Money | undefined;
    const costRead = priceOf(cell(keys.cost));
    if (costRead.ok) cost = costRead.money;
    else reasons.push(`cost: ${costRead.reason}`);

    let retailPrice: Money | undefined;
    const retailText = cell(keys.retailPrice);
    if (retailText.trim() !== '' || markup === undefined) {
      const retailRead = priceOf(retailText);
      if (retailRead.ok) retailPrice = retailRead.money;
      else reasons.push(`retailPrice: ${retailRead.reason}`);
    } else if (cost !== undefined) {
      // The store's markup, to whole currency units: $264.00, not $263.87.
      const amount = Math.max(1, Math.round((cost.amount * markup) / majorUnit)) * majorUnit;
      retailPrice = { amount, currency };
    }

    const label = (field: 'collection' | 'design' | 'color' | 'material') => {
      const raw = cell(keys[field]);
      const text = overlong(raw, MAX_LABEL) ? undefined : labelOf(raw);
      if (text === undefined || (text !== null && text.length > MAX_LABEL)) {
        reasons.push(`${field}: longer than ${MAX_LABEL} characters`);
        return null;
      }
      if (text !== null && hasControlCharacters(text))
        reasons.push(`${field}: ${CONTROL_CHARACTERS}`);
      return text;
    };
    const collection = label('collection');
    const design = label('design');
    const color = label('color');
    const material = label('material');

    let size: string | null = null;
    let dimensions: Dimensions | null = null;
    const sizeText = cell(keys.size);
    const widthText = cell(keys.width);
    const lengthText = cell(keys.length);
    const shapeText = cell(keys.shape);
    // A size cell wins; width and length columns serve sheets that split the size.
    const sizeRead =
      sizeText.trim() !== ''
        ? sizeOf(`${sizeText}\u0000${shapeText}`)
        : widthText.trim() !== '' || lengthText.trim() !== ''
          ? partsOf(`${widthText}\u0000${lengthText}\u0000${shapeText}`)
          : null;
    if (sizeRead !== null) {
      if (sizeRead.ok) {
        size = sizeRead.display;
        dimensions = sizeRead.dimensions;
      } else reasons.push(`size: ${sizeRead.reason}`);
    }

    const images = imagesOf(cell(keys.images), separator, reasons);

    if (reasons.length > 0 || name == null || cost === undefined || retailPrice === undefined) {
      return { ok: false, reason: reasons.join('; ') };
    }
    return {
      ok: true,
      product: {
        vendorSku: normalizeVendorSku(skuText),
        name,
        collection,
        design,
        color,
        material,
        size,
        dimensions,
        cost,
        retailPrice,
        images,
      },
    };
  };
}

/**
 * Surely longer than `max` once tidied: tidying only collapses runs of space, and a cell with more
 * space than text is no name.
 */
function overlong(text: string, max: number): boolean {
  return text.length > 2 * max && text.trim().length > 2 * max;
}

/** Picture addresses kept for fetching later: http(s) only, in the vendor's order, once each. */
function imagesOf(text: string, separator: string, reasons: string[]): string[] {
  if (text.trim() === '') return [];
  const images: string[] = [];
  for (const part of text.split(separator)) {
    const url = part.trim();
    if (url === '' || images.includes(url)) continue;
    if (!HTTP_URL.test(url) || !URL.canParse(url)) {
      reasons.push(
        `images: not an http(s) URL: '${url.length > 80 ? `${url.slice(0, 77)}...` : url}'`,
      );
      return images;
    }
    images.push(url);
  }
  if (images.length > MAX_IMAGES) {
    reasons.push(`images: ${images.length} pictures, at most ${MAX_IMAGES}`);
  }
  return images;
}

/** Remembers a pure function's results, forgetting them all when there are too many to keep. */
function memoize<T>(read: (text: string) => T, limit = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = read(text);
      if (known.size >= limit) known.clear();
      known.set(text, result);
    }
    return result;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
