import type { ImportProfile } from '../../../../src/catalog/imports/import-profile';
import {
  createRowMapper,
  missingColumns,
  validateProfile,
} from '../../../../src/catalog/imports/row-mapper';

const profile: ImportProfile = {
  name: 'nourison-2026',
  format: 'csv',
  columns: {
    vendorSku: 'Item #',
    name: 'Description',
    collection: 'Collection',
    design: 'Design',
    color: 'Color',
    material: 'Material',
    size: 'Size',
    cost: 'Wholesale',
    retailPrice: 'MSRP',
    images: 'Image URLs',
  },
  currency: 'USD',
};
const headers = [
  'Item #',
  'Description',
  'Collection',
  'Design',
  'Color',
  'Size',
  'Material',
  'Construction',
  'Wholesale',
  'MSRP',
  'UPC',
  'Image URLs',
];
const row: Record<string, string> = {
  'Item #': ' nr-kas-0508-ivnv ',
  Description: 'KASHAN MEDALLION IVORY/NAVY',
  Collection: 'SOMERSET',
  Design: 'kashan',
  Color: 'ivory / navy',
  Size: `5'3" x 7'6"`,
  Material: 'WOOL',
  Construction: 'Hand-Knotted',
  Wholesale: '1,234.50',
  MSRP: '$2,899.00',
  UPC: '012345678901',
  'Image URLs': 'https://img.example/NR-KAS-0508.jpg | https://img.example/NR-KAS-0508_room.jpg|',
};

const mapWith = (p: ImportProfile, h: readonly string[], values: Record<string, string>) =>
  createRowMapper(p, h)(values);
const map = (changes: Record<string, string> = {}) =>
  mapWith(profile, headers, { ...row, ...changes });
const reasonOf = (changes: Record<string, string>) => {
  const mapped = map(changes);
  return mapped.ok ? 'mapped' : mapped.reason;
};

describe('row mapper', () => {
  describe('createRowMapper', () => {
    it.each([
      ['Description', 'KASHAN\u0000MEDALLION', 'name'],
      ['Description', 'KASHAN \u001b[31mMEDALLION', 'name'],
      ['Color', 'IVORY \u202EYVAN', 'color'],
      ['Collection', 'SOMERSET\u2066', 'collection'],
      ['Item #', 'NR-\u0007KAS', 'vendorSku'],
    ])('refuses control characters in %s (%j)', (column, text, field) => {
      expect(reasonOf({ [column]: text })).toBe(
        `${field}: holds control characters (NUL, escape codes, direction overrides)`,
      );
    });

    it('stores names, labels and SKUs NFC-normalised', () => {
      const mapped = map({
        Description: 'CAFE\u0301 RUG',
        Color: 'E\u0301CRU',
        'Item #': 'nr-e\u0301-1',
      });
      expect(mapped.ok && mapped.product).toMatchObject({
        name: 'Café Rug',
        color: 'Écru',
        vendorSku: 'NR-É-1',
      });
    });

    it('refuses an overlong name without tidying it', () => {
      expect(reasonOf({ Description: 'A'.repeat(1 << 17) })).toBe(
        'name: longer than 200 characters',
      );
    });

    it('turns a row into a normalised product', () => {
      expect(map()).toEqual({
        ok: true,
        product: {
          vendorSku: 'NR-KAS-0508-IVNV',
          name: 'Kashan Medallion Ivory/Navy',
          collection: 'Somerset',
          design: 'Kashan',
          color: 'Ivory/Navy',
          material: 'Wool',
          size: `5'3" x 7'6"`,
          dimensions: { widthCm: 160, lengthCm: 228.6, shape: 'rectangle' },
          cost: { amount: 123_450, currency: 'USD' },
          retailPrice: { amount: 289_900, currency: 'USD' },
          images: [
            'https://img.example/NR-KAS-0508.jpg',
            'https://img.example/NR-KAS-0508_room.jpg',
          ],
        },
      });
    });

    it('matches the profile columns to headers whatever their case and spacing', () => {
      const shouting = headers.map((h) => ` ${h.toUpperCase()} `);
      const values = Object.fromEntries(
        Object.entries(row).map(([key, value]) => [` ${key.toUpperCase()} `, value]),
      );
      expect(mapWith(profile, shouting, values)).toMatchObject({
        ok: true,
        product: { vendorSku: 'NR-KAS-0508-IVNV', cost: { amount: 123_450 } },
      });
    });

    it('leaves optional fields the sheet lacks empty', () => {
      const mapped = mapWith(profile, ['Item #', 'Description', 'Wholesale', 'MSRP'], {
        'Item #': 'NR-1',
        Description: 'Kashan',
        Wholesale: '100',
        MSRP: '200',
      });
      expect(mapped).toEqual({
        ok: true,
        product: {
          vendorSku: 'NR-1',
          name: 'Kashan',
          collection: null,
          design: null,
          color: null,
          material: null,
          size: null,
          dimensions: null,
          cost: { amount: 10_000, currency: 'USD' },
          retailPrice: { amount: 20_000, currency: 'USD' },
          images: [],
        },
      });
    });

    it('accepts a retail price below cost: a clearance is the store’s business', () => {
      expect(map({ MSRP: '999.00' })).toMatchObject({
        ok: true,
        product: { retailPrice: { amount: 99_900 } },
      });
    });

    it('marks up the cost, to whole dollars, when the sheet has no retail column', () => {
      const markup: ImportProfile = {
        ...profile,
        columns: { ...profile.columns, retailPrice: undefined },
        retailMarkup: 2.2,
      };
      // 1,234.50 x 2.2 = 2,715.90
      expect(mapWith(markup, headers, row)).toMatchObject({
        ok: true,
        product: { retailPrice: { amount: 271_600, currency: 'USD' } },
      });
      // A retail column left blank falls back to the markup too.
      expect(
        mapWith({ ...profile, retailMarkup: 2 }, headers, { ...row, MSRP: ' ' }),
      ).toMatchObject({ ok: true, product: { retailPrice: { amount: 246_900 } } });
    });

    it('reads prices in cents and sizes in centimetres when the profile says so', () => {
      const metric: ImportProfile = { ...profile, priceUnit: 'minor', sizeUnit: 'cm' };
      expect(
        mapWith(metric, headers, { ...row, Wholesale: '123450', MSRP: '289900', Size: '160x230' }),
      ).toMatchObject({
        ok: true,
        product: {
          cost: { amount: 123_450 },
          retailPrice: { amount: 289_900 },
          size: '160 x 230 cm',
          dimensions: { widthCm: 160, lengthCm: 230, shape: 'rectangle' },
        },
      });
    });

    it('combines a size column with a shape column', () => {
      const shaped: ImportProfile = { ...profile, columns: { ...profile.columns, shape: 'Shape' } };
      expect(
        mapWith(shaped, [...headers, 'Shape'], { ...row, Size: '8x8', Shape: 'Round' }),
      ).toMatchObject({
        ok: true,
        product: {
          size: `8' Round`,
          dimensions: { widthCm: 243.8, lengthCm: 243.8, shape: 'round' },
        },
      });
    });

    it('reads width, length and shape columns', () => {
      const parts: ImportProfile = {
        ...profile,
        columns: {
          ...profile.columns,
          size: undefined,
          width: 'Width (cm)',
          length: 'Length (cm)',
          shape: 'Shape',
        },
        dimensionUnit: 'cm',
      };
      const partHeaders = [...headers, 'Width (cm)', 'Length (cm)', 'Shape'];
      const mapParts = (w: string, l: string, s: string) =>
        mapWith(parts, partHeaders, { ...row, 'Width (cm)': w, 'Length (cm)': l, Shape: s });
      expect(mapParts('80', '300', 'Runner')).toMatchObject({
        ok: true,
        product: {
          size: '80 x 300 cm Runner',
          dimensions: { widthCm: 80, lengthCm: 300, shape: 'runner' },
        },
      });
      expect(mapParts('', '', '')).toMatchObject({
        ok: true,
        product: { size: null, dimensions: null },
      });
      expect(mapParts('large', '300', 'Runner')).toEqual({
        ok: false,
        reason: "size: unrecognised size notation: 'large'",
      });
      expect(mapParts('', '300', '')).toEqual({ ok: false, reason: 'size: width is missing' });
    });

    it('splits images on the profile separator, keeping each once', () => {
      const semicolons: ImportProfile = { ...profile, imageSeparator: ';' };
      expect(
        mapWith(semicolons, headers, {
          ...row,
          'Image URLs': 'http://a.example/1.jpg; https://a.example/2.jpg ;http://a.example/1.jpg',
        }),
      ).toMatchObject({
        ok: true,
        product: { images: ['http://a.example/1.jpg', 'https://a.example/2.jpg'] },
      });
    });

    it.each([
      [{ 'Item #': '  ' }, 'vendorSku: missing'],
      [{ 'Item #': 'X'.repeat(65) }, 'vendorSku: longer than 64 characters'],
      [{ Description: '' }, 'name: missing'],
      [{ Description: 'Kashan '.repeat(30) }, 'name: longer than 200 characters'],
      [{ Wholesale: '0.00' }, 'cost: price must be more than zero'],
      [{ Wholesale: '' }, 'cost: no price given'],
      [{ Wholesale: 'call' }, "cost: not a price: 'call'"],
      [{ Wholesale: '-1,234.50' }, "cost: price cannot be negative: '-1,234.50'"],
      [{ MSRP: '99,999,999.00' }, 'retailPrice: price is implausibly high (over 1,000,000.00 USD)'],
      [{ MSRP: '' }, 'retailPrice: no price given'],
      [{ Color: 'Ivory '.repeat(25) }, 'color: longer than 120 characters'],
      [{ Collection: 'Somerset '.repeat(15) }, 'collection: longer than 120 characters'],
      [{ Size: 'large' }, "size: unrecognised size notation: 'large'"],
      [{ Size: '5.13x8' }, "size: inches must be below 12 in '5.13x8'"],
      [{ 'Image URLs': 'NR-1.jpg' }, "images: not an http(s) URL: 'NR-1.jpg'"],
      [
        { 'Image URLs': 'ftp://a.example/1.jpg' },
        "images: not an http(s) URL: 'ftp://a.example/1.jpg'",
      ],
      [{ 'Image URLs': 'https://' }, "images: not an http(s) URL: 'https://'"],
      [
        {
          'Image URLs': Array.from({ length: 21 }, (_, i) => `https://a.example/${i}.jpg`).join(
            '|',
          ),
        },
        'images: 21 pictures, at most 20',
      ],
      [{ 'Item #': '', Wholesale: '0' }, 'vendorSku: missing; cost: price must be more than zero'],
    ])('refuses a row with %j', (changes, reason) => {
      expect(reasonOf(changes)).toBe(reason);
    });

    it('accepts 20 pictures', () => {
      const images = Array.from({ length: 20 }, (_, i) => `https://a.example/${i}.jpg`);
      expect(map({ 'Image URLs': images.join('|') })).toMatchObject({
        ok: true,
        product: { images },
      });
    });

    it('gives the same answer for a repeated cell as for the first', () => {
      const mapRow = createRowMapper(profile, headers);
      const first = mapRow(row);
      expect(mapRow({ ...row, Size: 'large' })).toMatchObject({ ok: false });
      expect(mapRow(row)).toEqual(first);
      expect(mapRow({ ...row, Size: 'large' })).toEqual({
        ok: false,
        reason: "size: unrecognised size notation: 'large'",
      });
    });
  });

  describe('missingColumns', () => {
    it('names nothing when the sheet has every required column', () => {
      expect(missingColumns(profile, headers)).toEqual([]);
      expect(
        missingColumns(
          profile,
          headers.map((h) => ` ${h.toLowerCase()} `),
        ),
      ).toEqual([]);
    });

    it('names the required columns the sheet lacks, as the profile names them', () => {
      expect(missingColumns(profile, ['Description', 'Size', 'Color'])).toEqual([
        'Item #',
        'Wholesale',
        'MSRP',
      ]);
    });

    it('does not need a retail column when the profile marks up the cost', () => {
      const markup: ImportProfile = {
        ...profile,
        columns: { vendorSku: 'Item #', name: 'Description', cost: 'Wholesale' },
        retailMarkup: 2.5,
      };
      expect(missingColumns(markup, ['Item #', 'Description', 'Wholesale'])).toEqual([]);
    });

    it('does not need optional columns', () => {
      expect(missingColumns(profile, ['Item #', 'Description', 'Wholesale', 'MSRP'])).toEqual([]);
    });
  });

  describe('validateProfile', () => {
    it('accepts a complete profile', () => {
      const full = {
        ...profile,
        delimiter: ';',
        priceUnit: 'minor',
        sizeUnit: 'cm',
        dimensionUnit: 'ft',
        retailMarkup: 2.2,
        imageSeparator: ',',
      };
      expect(validateProfile(full)).toEqual({ ok: true, profile: full });
      expect(validateProfile({ ...profile, format: 'jsonl' })).toMatchObject({ ok: true });
    });

    it.each([
      ['not an object', [], ['a profile must be a JSON object']],
      ['null', null, ['a profile must be a JSON object']],
      ['an unknown setting', { ...profile, encoding: 'latin1' }, ["unknown setting 'encoding'"]],
      [
        'a name with capitals',
        { ...profile, name: 'Nourison' },
        [expect.stringMatching(/^name must be/)],
      ],
      [
        'a name starting with a dash',
        { ...profile, name: '-x' },
        [expect.stringMatching(/^name must be/)],
      ],
      [
        'a name too long',
        { ...profile, name: 'a'.repeat(64) },
        [expect.stringMatching(/^name must be/)],
      ],
      ['no name', { ...profile, name: undefined }, [expect.stringMatching(/^name must be/)]],
      ['an unknown format', { ...profile, format: 'xlsx' }, ["format must be 'csv' or 'jsonl'"]],
      [
        'a two-character delimiter',
        { ...profile, delimiter: ';;' },
        ['delimiter must be one character other than a quote or a line break'],
      ],
      [
        'a quote as delimiter',
        { ...profile, delimiter: '"' },
        ['delimiter must be one character other than a quote or a line break'],
      ],
      [
        'a delimiter on JSON Lines',
        { ...profile, format: 'jsonl', delimiter: ',' },
        ['delimiter applies to CSV sheets only'],
      ],
      [
        'a lower-case currency',
        { ...profile, currency: 'usd' },
        ['currency must be an ISO 4217 code of three capital letters, e.g. USD'],
      ],
      [
        'a currency symbol',
        { ...profile, currency: '$' },
        ['currency must be an ISO 4217 code of three capital letters, e.g. USD'],
      ],
      [
        'a markup below 1',
        { ...profile, retailMarkup: 0.9 },
        ['retailMarkup must be a number from 1 to 20'],
      ],
      [
        'a markup above 20',
        { ...profile, retailMarkup: 21 },
        ['retailMarkup must be a number from 1 to 20'],
      ],
      [
        'a markup as text',
        { ...profile, retailMarkup: '2' },
        ['retailMarkup must be a number from 1 to 20'],
      ],
      [
        'an unknown price unit',
        { ...profile, priceUnit: 'cents' },
        ["priceUnit must be 'major' or 'minor'"],
      ],
      ['an unknown size unit', { ...profile, sizeUnit: 'in' }, ["sizeUnit must be 'ft' or 'cm'"]],
      [
        'an unknown dimension unit',
        { ...profile, dimensionUnit: 'm' },
        ["dimensionUnit must be 'ft' or 'cm'"],
      ],
      [
        'an empty image separator',
        { ...profile, imageSeparator: '' },
        ['imageSeparator must be 1 to 5 characters'],
      ],
      [
        'no columns',
        { ...profile, columns: undefined },
        ['columns must map product fields to column headers'],
      ],
      [
        'an unknown field',
        { ...profile, columns: { ...profile.columns, price: 'Price' } },
        [expect.stringMatching(/^columns: unknown field 'price'/)],
      ],
      [
        'a blank column header',
        { ...profile, columns: { ...profile.columns, color: ' ' } },
        ['columns.color must be a column header of 1 to 200 characters'],
      ],
      [
        'no cost column',
        { ...profile, columns: { ...profile.columns, cost: undefined } },
        ['columns.cost must be mapped'],
      ],
      [
        'neither a retail column nor a markup',
        { ...profile, columns: { ...profile.columns, retailPrice: undefined } },
        ['columns.retailPrice must be mapped, or retailMarkup set'],
      ],
    ])('refuses %s', (_what, value, errors) => {
      expect(validateProfile(JSON.parse(JSON.stringify(value ?? null)))).toEqual({
        ok: false,
        errors,
      });
    });

    it('lists every problem at once', () => {
      const result = validateProfile({ name: 'X', format: 'xml', columns: {}, currency: 'usd' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors).toHaveLength(7);
    });
  });
});
