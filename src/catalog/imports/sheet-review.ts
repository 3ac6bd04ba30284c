import { productIdOf } from '../product-id';
import {
  type CatalogProduct,
  compareWithCatalog,
  invalidRow,
  missingFromSheet,
} from './catalog-comparison';
import type { ImportProfile } from './import-profile';
import type { ImportReview } from './import-review';
import type { StagedRow } from './import-staging.port';
import { createRowMapper } from './row-mapper';
import type { SheetRow } from './sheet-reader';

/**
 * A sheet's review, row by row: every row becomes a new product, a change, an unchanged product
 * or an invalid row (with its row number and reason), and at the end the vendor's listed
 * products the sheet never named become candidates to discontinue. Pure: it runs on the sheet
 * parsing thread, away from the thread that answers HTTP.
 */
export class SheetReview {
  readonly counts: { -readonly [K in keyof ImportReview]: number } = {
    rows: 0,
    valid: 0,
    invalid: 0,
    new: 0,
    costChanged: 0,
    priceChanged: 0,
    detailsChanged: 0,
    unchanged: 0,
    missing: 0,
  };
  private readonly mapRow: ReturnType<typeof createRowMapper>;
  private readonly sheetHasImages: boolean;
  private readonly firstRowOfSku = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly vendorId: string,
    private readonly profile: ImportProfile,
    headers: readonly string[],
    private readonly catalog: ReadonlyMap<string, CatalogProduct>,
  ) {
    this.mapRow = createRowMapper(profile, headers);
    this.sheetHasImages = profile.columns.images !== undefined;
  }

  /** The staged line of one sheet row. */
  take(row: SheetRow): StagedRow {
    const { counts } = this;
    counts.rows += 1;
    const seq = (this.seq = row.rowNumber);
    if ('error' in row) {
      counts.invalid += 1;
      return { seq, change: invalidRow(row.rowNumber, null, row.error) };
    }
    const mapped = this.mapRow(row.values);
    if (!mapped.ok) {
      counts.invalid += 1;
      return {
        seq,
        change: invalidRow(row.rowNumber, skuOf(row.values, this.profile), mapped.reason),
      };
    }
    const { product } = mapped;
    const first = this.firstRowOfSku.get(product.vendorSku);
    if (first !== undefined) {
      counts.invalid += 1;
      const reason = `duplicate vendor SKU ${product.vendorSku} (first on row ${first})`;
      return { seq, change: invalidRow(row.rowNumber, product.vendorSku, reason) };
    }
    this.firstRowOfSku.set(product.vendorSku, row.rowNumber);
    counts.valid += 1;
    const productId = productIdOf(this.vendorId, product.vendorSku);
    const current = this.catalog.get(product.vendorSku);
    const change = compareWithCatalog(
      row.rowNumber,
      productId,
      product,
      current,
      this.sheetHasImages,
    );
    if (change.kind === 'new') counts.new += 1;
    else if (change.kind === 'unchanged') counts.unchanged += 1;
    if (change.cost) counts.costChanged += 1;
    if (change.retailPrice) counts.priceChanged += 1;
    if (change.details) counts.detailsChanged += 1;
    return { seq, change };
  }

  /** After the last row: the listed products the sheet did not name. */
  missing(): StagedRow[] {
    const staged: StagedRow[] = [];
    for (const current of this.catalog.values()) {
      if (current.status !== 'listed' || this.firstRowOfSku.has(current.vendorSku)) continue;
      this.counts.missing += 1;
      this.seq += 1;
      staged.push({ seq: this.seq, change: missingFromSheet(current) });
    }
    return staged;
  }
}

function skuOf(values: Record<string, string>, profile: ImportProfile): string | null {
  const column = profile.columns.vendorSku?.trim().toLowerCase();
  const key = Object.keys(values).find((k) => k.trim().toLowerCase() === column);
  const sku = key ? values[key]?.trim() : '';
  return sku ? sku.toUpperCase() : null;
}
