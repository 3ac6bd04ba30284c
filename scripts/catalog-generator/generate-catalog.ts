import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Random } from '../seed/random';
import { rugProducts } from './rug-products';
import { type BadRowKind, badRowKindsOf, profileFor, SheetRows } from './sheet-rows';
import { TextFileWriter } from './text-file-writer';
import { type CatalogVendor, catalogVendors, type SheetLayout } from './vendor-houses';

export interface GenerateOptions {
  readonly vendors: number;
  readonly products: number;
  readonly outDir: string;
  readonly seed: number;
  /** Share of rows written wrong on purpose, 0 to 1. */
  readonly badRows: number;
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
  vendors: 12,
  products: 500_000,
  outDir: 'data/catalog',
  seed: 1,
  badRows: 0.005,
};

/** A row written wrong on purpose: where it is and how it is wrong. */
export interface PlantedBadRow {
  /** 1-based among the data rows. */
  readonly dataRow: number;
  /** 1-based line of the file (the header is line 1 of a delimited sheet). */
  readonly line: number;
  readonly kind: BadRowKind;
}

/** One entry of manifest.json; paths are relative to the manifest. */
export interface ManifestEntry {
  readonly name: string;
  readonly sheet: string;
  readonly profile: string;
  readonly rows: number;
  readonly badRows: number;
}

export interface CatalogManifest {
  readonly seed: number;
  readonly vendors: readonly ManifestEntry[];
}

export interface GeneratedSheet extends ManifestEntry {
  readonly slug: string;
  readonly bytes: number;
  readonly planted: readonly PlantedBadRow[];
}

export interface GenerationReport {
  readonly outDir: string;
  readonly manifestPath: string;
  readonly sheets: readonly GeneratedSheet[];
  readonly rows: number;
  readonly badRows: number;
  readonly bytes: number;
  readonly seconds: number;
}

/** Each vendor's random stream depends on the seed and its place only. */
function vendorSeed(seed: number, index: number): number {
  return (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}

/**
 * `total` rows over `parts` vendors, each within ±30 % of an even share, summing exactly: vendors
 * are paired at random and what one gets above the even share its partner gets below.
 */
export function splitRows(total: number, parts: number, random: Random): number[] {
  const deviations = new Array<number>(parts).fill(0);
  const order = random.shuffle(Array.from({ length: parts }, (_, i) => i));
  for (let i = 0; i + 1 < parts; i += 2) {
    const d = (random.next() * 2 - 1) * 0.3;
    deviations[order[i]] = d;
    deviations[order[i + 1]] = -d;
  }
  const counts = deviations.map((d) => Math.floor((total / parts) * (1 + d)));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) counts[order[i]]++;
  return counts;
}

function extensionOf(layout: SheetLayout): string {
  if (layout.format === 'jsonl') return 'jsonl';
  if (layout.delimiter === '\t') return 'tsv';
  return layout.delimiter === '|' ? 'txt' : 'csv';
}

const RECENT_SKUS = 64;

async function writeSheet(
  vendor: CatalogVendor,
  rows: number,
  path: string,
  options: GenerateOptions,
  random: Random,
): Promise<{ bytes: number; planted: PlantedBadRow[] }> {
  const layout = vendor.house.layout;
  const sheet = new SheetRows(vendor);
  const kinds = badRowKindsOf(layout);
  const eol = layout.crlf ? '\r\n' : '\n';
  const writer = new TextFileWriter(path);
  const planted: PlantedBadRow[] = [];
  const recent: string[] = [];
  try {
    if (layout.bom) writer.add('\uFEFF');
    const header = sheet.header();
    if (header !== null) writer.add(header + eol);
    const lineOffset = header === null ? 0 : 1;
    const products = rugProducts(vendor, random);
    for (let dataRow = 1; dataRow <= rows; dataRow++) {
      const product = products.next().value!;
      let kind: BadRowKind | undefined;
      if (options.badRows > 0 && random.chance(options.badRows)) {
        kind = random.pick(kinds);
        // The first row has nothing earlier to repeat.
        if (kind === 'duplicate-sku' && recent.length === 0) kind = 'missing-sku';
      }
      const line = kind
        ? sheet.row(product, {
            kind,
            ...(kind === 'duplicate-sku' ? { repeatSku: random.pick(recent) } : {}),
          })
        : sheet.row(product);
      if (kind) planted.push({ dataRow, line: dataRow + lineOffset, kind });
      else if (recent.length < RECENT_SKUS) recent.push(product.sku);
      else recent[dataRow % RECENT_SKUS] = product.sku;
      if (writer.add(line + eol)) await writer.flush();
    }
    await writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  }
  return { bytes: writer.bytes, planted };
}

/**
 * Writes one price sheet per vendor in its own layout, the profile that maps it, and
 * manifest.json. Rows stream to disk: memory stays flat however many products. The same seed
 * writes the same files, byte for byte.
 */
export async function generateCatalog(
  options: GenerateOptions,
  onSheet: (sheet: GeneratedSheet) => void = () => {},
): Promise<GenerationReport> {
  const started = performance.now();
  const vendors = catalogVendors(options.vendors);
  const counts = splitRows(options.products, vendors.length, new Random(options.seed));
  await mkdir(join(options.outDir, 'profiles'), { recursive: true });
  const sheets: GeneratedSheet[] = [];
  for (const [index, vendor] of vendors.entries()) {
    const sheetFile = `${vendor.slug}.${extensionOf(vendor.house.layout)}`;
    const profileFile = `profiles/${vendor.slug}.json`;
    const { bytes, planted } = await writeSheet(
      vendor,
      counts[index],
      join(options.outDir, sheetFile),
      options,
      new Random(vendorSeed(options.seed, index)),
    );
    await writeFile(
      join(options.outDir, profileFile),
      `${JSON.stringify(profileFor(vendor), null, 2)}\n`,
    );
    const sheet: GeneratedSheet = {
      name: vendor.name,
      sheet: sheetFile,
      profile: profileFile,
      rows: counts[index],
      badRows: planted.length,
      slug: vendor.slug,
      bytes,
      planted,
    };
    sheets.push(sheet);
    onSheet(sheet);
  }
  const manifest: CatalogManifest = {
    seed: options.seed,
    vendors: sheets.map(({ name, sheet, profile, rows, badRows }) => ({
      name,
      sheet,
      profile,
      rows,
      badRows,
    })),
  };
  const manifestPath = join(options.outDir, 'manifest.json');
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    outDir: options.outDir,
    manifestPath,
    sheets,
    rows: sheets.reduce((total, s) => total + s.rows, 0),
    badRows: sheets.reduce((total, s) => total + s.badRows, 0),
    bytes: sheets.reduce((total, s) => total + s.bytes, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
