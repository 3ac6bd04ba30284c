import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportProfile } from '../../../src/catalog/imports/import-profile';
import type { SheetProduct } from '../../../src/catalog/imports/sheet-product';
import {
  createRowMapper,
  missingColumns,
  validateProfile,
} from '../../../src/catalog/imports/row-mapper';
import { readSheet } from '../../../src/catalog/imports/sheet-reader';
import { parseGenerateArgs } from '../../../scripts/catalog-generate';
import {
  type CatalogManifest,
  generateCatalog,
  type GenerationReport,
  splitRows,
} from '../../../scripts/catalog-generator/generate-catalog';
import { Random } from '../../../scripts/seed/random';
import { tempDir } from '../../support/temp-dir';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json')) as CatalogManifest;
const profileOf = (dir: string, file: string) => JSON.parse(read(dir, file)) as ImportProfile;
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const dataLines = (text: string) => text.split(/\r?\n/).filter((line) => line !== '');

describe('catalog generator', () => {
  const small = tempDir('catalog-generator-');
  const again = tempDir('catalog-generator-');
  const all = tempDir('catalog-generator-');
  let report: GenerationReport;
  let allReport: GenerationReport;

  beforeAll(async () => {
    const options = { vendors: 3, products: 3000, seed: 7, badRows: 0.01 };
    report = await generateCatalog({ ...options, outDir: small.path });
    await generateCatalog({ ...options, outDir: again.path });
    // Every house's layout once, and a thirteenth vendor under a numbered name.
    allReport = await generateCatalog({
      vendors: 13,
      products: 13 * 700,
      seed: 3,
      badRows: 0.01,
      outDir: all.path,
    });
  });

  afterAll(() => {
    small.remove();
    again.remove();
    all.remove();
  });

  it('writes a manifest naming each vendor, its sheet, its profile and its rows', () => {
    const manifest = manifestOf(small.path);
    expect(manifest.vendors.map((v) => v.name)).toEqual(['Nourison', 'Surya', 'Loloi']);
    expect(manifest.vendors.map((v) => [v.sheet, v.profile])).toEqual([
      ['nourison.csv', 'profiles/nourison.json'],
      ['surya.jsonl', 'profiles/surya.json'],
      ['loloi.tsv', 'profiles/loloi.json'],
    ]);
    expect(manifest.vendors.reduce((total, v) => total + v.rows, 0)).toBe(3000);
    for (const vendor of manifest.vendors) {
      expect(vendor.rows).toBeGreaterThanOrEqual(700);
      expect(vendor.rows).toBeLessThanOrEqual(1300);
    }
    expect(report.rows).toBe(3000);
    expect(report.badRows).toBe(manifest.vendors.reduce((total, v) => total + v.badRows, 0));
    expect(report.badRows).toBeGreaterThan(0);
  });

  it('writes as many data rows as the manifest says', () => {
    for (const vendor of manifestOf(small.path).vendors) {
      const profile = profileOf(small.path, vendor.profile);
      const lines = dataLines(read(small.path, vendor.sheet));
      expect(lines.length - (profile.format === 'csv' ? 1 : 0)).toBe(vendor.rows);
    }
  });

  it('writes the same files for the same seed, and other files for another', async () => {
    const files = (dir: string) => [
      ...readdirSync(dir).filter((f) => f !== 'profiles'),
      ...readdirSync(join(dir, 'profiles')).map((f) => `profiles/${f}`),
    ];
    expect(files(again.path).sort()).toEqual(files(small.path).sort());
    for (const file of files(small.path)) {
      expect({ file, digest: digest(join(again.path, file)) }).toEqual({
        file,
        digest: digest(join(small.path, file)),
      });
    }
    const other = tempDir('catalog-generator-');
    try {
      await generateCatalog({
        vendors: 3,
        products: 3000,
        seed: 8,
        badRows: 0.01,
        outDir: other.path,
      });
      expect(read(other.path, 'nourison.csv')).not.toEqual(read(small.path, 'nourison.csv'));
    } finally {
      other.remove();
    }
  });

  it('writes each vendor in its own layout', () => {
    const raw = (file: string) => readFileSync(join(all.path, file));
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    // Comma CSV: names with commas and inch marks quoted, quotes doubled, prices with a comma.
    const nourison = read(all.path, 'nourison.csv');
    expect(nourison.split('\n')[0]).toBe(
      'Item #,Description,Collection,Design,Color,Size,Material,Construction,Wholesale,MSRP,UPC,Image URLs',
    );
    expect(nourison).toMatch(/"[A-Z][a-z]+ [A-Z][a-z]+, [^"]+, \d+'\d+"" x \d+'(\d+"")?"/);
    expect(nourison).toMatch(/,"\d,\d{3}\.\d\d",/);
    expect(nourison).not.toContain('\r\n');
    // Semicolons, European prices, a BOM and CRLF line ends.
    const weavers = raw('oriental-weavers.csv');
    expect(weavers.subarray(0, 3)).toEqual(bom);
    const weaversText = weavers.toString('utf8');
    expect(weaversText).toContain('\r\n');
    expect(weaversText).toMatch(/;\d+x\d+ cm;(Rectangle|Runner|Round|Square|Oval);/);
    expect(weaversText).toMatch(/;\d{1,3}(\.\d{3})*,\d\d;/);
    // Cents.
    expect(read(all.path, 'karastan.csv')).toMatch(/,\d{4,},\d{4,},\d{12},https:/);
    // Tabs, pipes and JSON Lines.
    expect(read(all.path, 'loloi.tsv').split('\n')[0].split('\t')).toContain('Width (ft)');
    expect(read(all.path, 'safavieh.txt').split('\n')[0].split('|')).toContain('UNIT_COST');
    const surya = dataLines(read(all.path, 'surya.jsonl'));
    const first = JSON.parse(surya[0]) as Record<string, unknown>;
    expect(first).toMatchObject({ sku: expect.stringMatching(/^SU-[A-Z]{3}\d{3}-/) });
    expect(typeof first.cost).toBe('number');
    expect(first.images).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^https:\/\/images\.surya\.example\/SU-.+\.jpg$/),
      ]),
    );
    // Sizes in the trade's notations.
    expect(read(all.path, 'jaipur-living.csv')).toMatch(/,5\.3x7\.6,Rectangle,/);
    expect(read(all.path, 'dalyn.csv')).toMatch(/,(8' round|2'6"" x 10' runner),/);
    // The thirteenth vendor writes like the first, under a numbered name.
    const manifest = manifestOf(all.path);
    expect(manifest.vendors[12]).toMatchObject({ name: 'Nourison 2', sheet: 'nourison-2.csv' });
    expect(read(all.path, 'nourison-2.csv')).toContain('https://images.nourison2.example/NR2-');
  });

  it('gives three vendors no retail column: their profiles mark up the cost', () => {
    const markups = manifestOf(all.path)
      .vendors.slice(0, 12)
      .map((v) => profileOf(all.path, v.profile))
      .filter((p) => p.columns.retailPrice === undefined)
      .map((p) => [p.name, p.retailMarkup]);
    expect(markups).toEqual([
      ['safavieh', 2.4],
      ['dalyn', 2.2],
      ['couristan', 2.5],
    ]);
  });

  it('maps its own sheets with the profiles it writes: the planted bad rows fail, the rest map', async () => {
    for (const sheet of allReport.sheets) {
      const profile = profileOf(all.path, sheet.profile);
      expect(validateProfile(profile)).toMatchObject({ ok: true });
      const reading = readSheet(createReadStream(join(all.path, sheet.sheet)), {
        format: profile.format,
        delimiter: profile.delimiter,
      });
      const headers = await reading.headers;
      expect({ vendor: sheet.name, missing: missingColumns(profile, headers) }).toEqual({
        vendor: sheet.name,
        missing: [],
      });
      const mapRow = createRowMapper(profile, headers);
      const failed = new Map<number, string>();
      const seen = new Set<string>();
      let rows = 0;
      let duplicates = 0;
      const odd: SheetProduct[] = [];
      for await (const row of reading.rows) {
        rows++;
        if ('error' in row) {
          failed.set(row.rowNumber, row.error);
          continue;
        }
        const mapped = mapRow(row.values);
        if (!mapped.ok) {
          failed.set(row.rowNumber, mapped.reason);
          continue;
        }
        const { product } = mapped;
        if (seen.has(product.vendorSku)) duplicates++;
        seen.add(product.vendorSku);
        // What a store needs of every product: its size, pictures, and retail at 2 to 2.6 x cost.
        const markup = product.retailPrice.amount / product.cost.amount;
        if (
          product.dimensions === null ||
          product.images.length === 0 ||
          !product.images.every((url) => url.startsWith('https://images.')) ||
          markup < 1.9 ||
          markup > 2.7
        ) {
          odd.push(product);
        }
      }
      expect({ vendor: sheet.name, rows }).toEqual({ vendor: sheet.name, rows: sheet.rows });
      expect({ vendor: sheet.name, odd: odd.slice(0, 3) }).toEqual({ vendor: sheet.name, odd: [] });
      expect(rows - failed.size).toBeGreaterThanOrEqual(Math.floor(sheet.rows * 0.99) - 5);
      const plantedDuplicates = sheet.planted.filter((p) => p.kind === 'duplicate-sku');
      expect({ vendor: sheet.name, duplicates }).toEqual({
        vendor: sheet.name,
        duplicates: plantedDuplicates.length,
      });
      // Row numbers are either lines of the file or data rows: accept the reader's choice.
      const failing = sheet.planted.filter((p) => p.kind !== 'duplicate-sku');
      const byLine = failing.map((p) => p.line).sort((a, b) => a - b);
      const byDataRow = failing.map((p) => p.dataRow).sort((a, b) => a - b);
      const actual = [...failed.keys()].sort((a, b) => a - b);
      const expected = actual.length > 0 && byLine.includes(actual[0]) ? byLine : byDataRow;
      expect({ vendor: sheet.name, failed: actual, reasons: [...failed.values()] }).toEqual({
        vendor: sheet.name,
        failed: expected,
        reasons: expect.any(Array),
      });
    }
  });
});

describe('splitRows', () => {
  it('splits exactly, each vendor within 30 % of an even share', () => {
    for (const [total, parts] of [
      [500_000, 12],
      [3000, 3],
      [1001, 7],
      [10, 1],
    ]) {
      const counts = splitRows(total, parts, new Random(total + parts));
      expect(counts).toHaveLength(parts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      for (const count of counts) {
        expect(Math.abs(count - total / parts)).toBeLessThanOrEqual((total / parts) * 0.3 + 1);
      }
    }
  });
});

describe('parseGenerateArgs', () => {
  it('reads the flags, in both spellings', () => {
    expect(
      parseGenerateArgs([
        '--vendors',
        '4',
        '--products=1000',
        '--out',
        '/tmp/x',
        '--seed',
        '9',
        '--bad-rows=0.02',
      ]),
    ).toEqual({ vendors: 4, products: 1000, outDir: '/tmp/x', seed: 9, badRows: 0.02 });
    expect(parseGenerateArgs([])).toEqual({
      vendors: 12,
      products: 500_000,
      outDir: 'data/catalog',
      seed: 1,
      badRows: 0.005,
    });
  });

  it('refuses what it does not know or cannot use', () => {
    expect(() => parseGenerateArgs(['--vendors', '0'])).toThrow('--vendors must be from 1');
    expect(() => parseGenerateArgs(['--products', 'many'])).toThrow('--products needs a number');
    expect(() => parseGenerateArgs(['--bad-rows', '0.9'])).toThrow('--bad-rows must be from 0');
    expect(() => parseGenerateArgs(['--seed', '1.5'])).toThrow('--seed must be a whole number');
    expect(() => parseGenerateArgs(['--frobnicate'])).toThrow('unknown argument --frobnicate');
  });
});
