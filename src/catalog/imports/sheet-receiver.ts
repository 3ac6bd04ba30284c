import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Transform, type Readable } from 'node:stream';
import {
  catalogProductsProjection,
  type ProductListing,
} from '../../../projections/catalog/catalog-products.projection';
import { VendorSnapshots } from '../../vendors/vendor-snapshots';
import type { CommandContext } from '../../shared/commands/command-context';
import { StreamStates } from '../../shared/commands/stream-states';
import { UnknownEntityError } from '../../shared/domain/domain-errors';
import type { Position } from '../../shared/eventstore/event-envelope';
import { EVENT_STORE, type EventStore } from '../../shared/eventstore/event-store.port';
import { invalidFields } from '../../shared/http/invalid-fields';
import { uploadReadError } from '../../shared/http/uploads';
import { streams } from '../../shared/eventstore/stream-names';
import { ReadModels } from '../../shared/projections/read-models';
import { productIdOf } from '../product-id';
import {
  FailCatalogImport,
  RecordImportReview,
  StartCatalogImport,
} from './catalog-import.commands';
import {
  type CatalogProduct,
  compareWithCatalog,
  invalidRow,
  missingFromSheet,
} from './catalog-comparison';
import type { ImportProfile } from './import-profile';
import { importProfilesDecider } from './import-profiles.decider';
import { ImportApplier } from './import-applier';
import { ImportProgressBoard } from './import-progress';
import type { ImportReview } from './import-review';
import { ImportStaging, type StagedRow } from './import-staging';
import { createRowMapper, missingColumns } from './row-mapper';
import { readSheet } from './sheet-reader';

export interface ReceivedSheet {
  readonly importId: string;
  readonly vendorId: string;
  readonly profileName: string;
  readonly fileName: string;
  readonly content: Readable;
}

const STAGE_BATCH = 2_000;
/** How long a review waits for the catalog read model to show the latest applied sheets. */
const CATALOG_CATCH_UP_MS = 60_000;

/**
 * Reads an uploaded price sheet as it arrives and stages its review: every row becomes a new
 * product, a change, an unchanged product or an invalid row (with its row number and reason),
 * and the vendor's listed products the sheet no longer names become candidates to discontinue.
 * Nothing in the catalog changes here. The sheet is streamed: memory holds one batch of rows and
 * the vendor's current catalog, never the file.
 */
@Injectable()
export class SheetReceiver {
  private readonly logger = new Logger(SheetReceiver.name);
  private logAtStart: Promise<Position | null> | undefined;

  constructor(
    private readonly vendors: VendorSnapshots,
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
    private readonly readModels: ReadModels,
    private readonly staging: ImportStaging,
    private readonly progress: ImportProgressBoard,
    private readonly applier: ImportApplier,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async receive(sheet: ReceivedSheet, context: CommandContext): Promise<void> {
    const profile = await this.profileOf(sheet.vendorId, sheet.profileName);
    const progress = this.progress.start(sheet.importId);
    const counted = sheet.content.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          progress.bytesReceived += chunk.length;
          done(null, chunk);
        },
      }),
    );
    // The upload's own errors (too large, broken off) reach the reader through the pipe.
    let uploadBroke = false;
    sheet.content.on('error', (error) => {
      uploadBroke = true;
      counted.destroy(error);
    });
    const read = readSheet(counted, { format: profile.format, delimiter: profile.delimiter });
    let headers: string[];
    try {
      headers = await read.headers;
    } catch (error) {
      throw invalidFields({ file: (error as Error).message });
    }
    const missing = missingColumns(profile, headers);
    if (missing.length > 0) {
      counted.resume();
      throw invalidFields({
        file: `the sheet lacks the column(s) profile ${profile.name} maps: ${missing.map((column) => describeColumn(profile, column)).join(', ')}`,
      });
    }

    await this.commands.execute(
      new StartCatalogImport(sheet.importId, sheet.vendorId, profile, sheet.fileName, context),
    );
    try {
      this.staging.clear(sheet.importId);
      const catalog = await this.currentCatalog(sheet.vendorId);
      const review = await this.review(sheet, profile, headers, read.rows, catalog, progress);
      await this.commands.execute(
        new RecordImportReview(sheet.importId, review, progress.bytesReceived, context),
      );
    } catch (error) {
      const reason = (error as Error).message || 'the sheet could not be read';
      this.logger.warn({ importId: sheet.importId, reason }, 'catalog import failed');
      await this.commands.execute(new FailCatalogImport(sheet.importId, reason, context));
      // The upload broke off or was malformed: the client's doing, not the server's.
      throw uploadBroke ? uploadReadError(error, 'the sheet') : error;
    }
  }

  private async review(
    sheet: ReceivedSheet,
    profile: ImportProfile,
    headers: readonly string[],
    rows: AsyncIterable<
      { rowNumber: number; values: Record<string, string> } | { rowNumber: number; error: string }
    >,
    catalog: Map<string, CatalogProduct>,
    progress: { rowsRead: number },
  ): Promise<ImportReview> {
    const mapRow = createRowMapper(profile, headers);
    const sheetHasImages = profile.columns.images !== undefined;
    const firstRowOfSku = new Map<string, number>();
    const counts = {
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
    let batch: StagedRow[] = [];
    const stage = (row: StagedRow) => {
      batch.push(row);
      if (batch.length >= STAGE_BATCH) {
        this.staging.stage(sheet.importId, batch);
        batch = [];
      }
    };
    let seq = 0;
    for await (const row of rows) {
      progress.rowsRead += 1;
      counts.rows += 1;
      seq = row.rowNumber;
      if ('error' in row) {
        counts.invalid += 1;
        stage({ seq, change: invalidRow(row.rowNumber, null, row.error) });
        continue;
      }
      const mapped = mapRow(row.values);
      if (!mapped.ok) {
        counts.invalid += 1;
        stage({
          seq,
          change: invalidRow(row.rowNumber, skuOf(row.values, profile), mapped.reason),
        });
        continue;
      }
      const { product } = mapped;
      const first = firstRowOfSku.get(product.vendorSku);
      if (first !== undefined) {
        counts.invalid += 1;
        const reason = `duplicate vendor SKU ${product.vendorSku} (first on row ${first})`;
        stage({ seq, change: invalidRow(row.rowNumber, product.vendorSku, reason) });
        continue;
      }
      firstRowOfSku.set(product.vendorSku, row.rowNumber);
      counts.valid += 1;
      const productId = productIdOf(sheet.vendorId, product.vendorSku);
      const current = catalog.get(product.vendorSku);
      const change = compareWithCatalog(row.rowNumber, productId, product, current, sheetHasImages);
      if (change.kind === 'new') counts.new += 1;
      else if (change.kind === 'unchanged') counts.unchanged += 1;
      if (change.cost) counts.costChanged += 1;
      if (change.retailPrice) counts.priceChanged += 1;
      if (change.details) counts.detailsChanged += 1;
      stage({ seq, change });
    }
    for (const current of catalog.values()) {
      if (current.status !== 'listed' || firstRowOfSku.has(current.vendorSku)) continue;
      counts.missing += 1;
      seq += 1;
      stage({ seq, change: missingFromSheet(current) });
    }
    this.staging.stage(sheet.importId, batch);
    return counts;
  }

  private async profileOf(vendorId: string, name: string): Promise<ImportProfile> {
    if (!(await this.vendors.registered(vendorId)))
      throw new UnknownEntityError('vendor', vendorId);
    const saved = await this.states.load(importProfilesDecider, streams.importProfiles(vendorId));
    const profile = saved.state.profiles[name];
    if (!profile) throw new UnknownEntityError(`import profile of vendor ${vendorId}`, name);
    return profile;
  }

  /**
   * The vendor's products as the catalog lists them, once it shows the vendor's sheets applied
   * by this process (or, for the first review after a start, everything in the log then): other
   * vendors' sheets being applied meanwhile do not hold the review up.
   */
  private async currentCatalog(vendorId: string): Promise<Map<string, CatalogProduct>> {
    this.logAtStart ??= this.store.head().then((head) => head?.position ?? null);
    const position = this.applier.lastAppliedFor(vendorId) ?? (await this.logAtStart);
    if (position) {
      const caughtUp = await this.readModels.caughtUp(
        catalogProductsProjection,
        position,
        CATALOG_CATCH_UP_MS,
      );
      if (!caughtUp)
        this.logger.warn({ vendorId }, 'reviewing against a catalog still catching up');
    }
    const products = this.readModels.collection<ProductListing>(
      catalogProductsProjection,
      'products',
    );
    const catalog = new Map<string, CatalogProduct>();
    let cursor: string | null = null;
    do {
      const page = await products.find({ where: { vendorId }, limit: 1000, cursor });
      for (const listing of page.items) catalog.set(listing.vendorSku, catalogProductOf(listing));
      cursor = page.nextCursor;
    } while (cursor);
    return catalog;
  }
}

function catalogProductOf(listing: ProductListing): CatalogProduct {
  return {
    productId: listing.id,
    vendorSku: listing.vendorSku,
    status: listing.status,
    name: listing.name,
    collection: listing.collection,
    design: listing.design,
    color: listing.color,
    material: listing.material,
    size: listing.size,
    dimensions: listing.dimensions ?? null,
    images: listing.images,
    cost: listing.cost,
    retailPrice: listing.retailPrice,
  };
}

function skuOf(values: Record<string, string>, profile: ImportProfile): string | null {
  const column = profile.columns.vendorSku?.trim().toLowerCase();
  const key = Object.keys(values).find((k) => k.trim().toLowerCase() === column);
  const sku = key ? values[key]?.trim() : '';
  return sku ? sku.toUpperCase() : null;
}

/** A missing column with the product field it was to fill: `Wholesale (cost)`. */
function describeColumn(profile: ImportProfile, column: string): string {
  const field = Object.entries(profile.columns).find(([, mapped]) => mapped === column)?.[0];
  return field ? `${column} (${field})` : column;
}
