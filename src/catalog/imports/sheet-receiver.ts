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
import {
  FailCatalogImport,
  RecordImportReview,
  StartCatalogImport,
} from './catalog-import.commands';
import type { CatalogProduct } from './catalog-comparison';
import type { ImportProfile } from './import-profile';
import { importProfilesDecider } from './import-profiles.decider';
import { ImportApplier } from './import-applier';
import { ImportProgressBoard } from './import-progress';
import { IMPORT_STAGING, type ImportStaging } from './import-staging.port';
import { missingColumns } from './row-mapper';
import { ReceivingImports } from './receiving-imports';
import { SheetParsingThread } from './sheet-parsing-thread';
import { SheetUnreadable } from './sheet-reader';

export interface ReceivedSheet {
  readonly importId: string;
  readonly vendorId: string;
  readonly profileName: string;
  readonly fileName: string;
  readonly content: Readable;
}

/** How long a review waits for the catalog read model to show the latest applied sheets. */
const CATALOG_CATCH_UP_MS = 60_000;

/**
 * Reads an uploaded price sheet as it arrives and stages its review: every row becomes a new
 * product, a change, an unchanged product or an invalid row (with its row number and reason),
 * and the vendor's listed products the sheet no longer names become candidates to discontinue.
 * Nothing in the catalog changes here. The sheet is streamed: memory holds one batch of rows and
 * the vendor's current catalog, never the file. Parsing and reviewing run on a thread of their
 * own (SheetParsingThread); this side reads the upload and writes the staged rows.
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
    @Inject(IMPORT_STAGING) private readonly staging: ImportStaging,
    private readonly progress: ImportProgressBoard,
    private readonly applier: ImportApplier,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly receiving: ReceivingImports,
    private readonly parsing: SheetParsingThread,
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
    const parsing = this.parsing.parse(counted, { vendorId: sheet.vendorId, profile }, progress);
    let headers: string[];
    try {
      headers = await parsing.headers;
    } catch (error) {
      parsing.close();
      // The upload may break off (too large, stalled) before its header line is parsed.
      if (uploadBroke) throw uploadReadError(error, 'the sheet');
      throw invalidFields({ file: (error as Error).message });
    }
    const missing = missingColumns(profile, headers);
    if (missing.length > 0) {
      parsing.close();
      counted.resume();
      throw invalidFields({
        file: `the sheet lacks the column(s) profile ${profile.name} maps: ${missing.map((column) => describeColumn(profile, column)).join(', ')}`,
      });
    }

    try {
      await this.commands.execute(
        new StartCatalogImport(sheet.importId, sheet.vendorId, profile, sheet.fileName, context),
      );
    } catch (error) {
      parsing.close();
      throw error;
    }
    this.receiving.started(sheet.importId);
    try {
      await this.staging.clear(sheet.importId);
      const catalog = await this.currentCatalog(sheet.vendorId);
      const review = await parsing.review(catalog.values(), (rows) =>
        this.staging.stage(sheet.importId, rows),
      );
      await this.commands.execute(
        new RecordImportReview(sheet.importId, review, progress.bytesReceived, context),
      );
    } catch (error) {
      const reason = (error as Error).message || 'the sheet could not be read';
      this.logger.warn({ importId: sheet.importId, reason }, 'catalog import failed');
      await this.commands.execute(new FailCatalogImport(sheet.importId, reason, context));
      // The upload broke off or was malformed, or the sheet cannot be read on: the client's doing.
      if (error instanceof SheetUnreadable) throw invalidFields({ file: reason });
      throw uploadBroke ? uploadReadError(error, 'the sheet') : error;
    } finally {
      parsing.close();
      this.receiving.finished(sheet.importId);
    }
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

/** A missing column with the product field it was to fill: `Wholesale (cost)`. */
function describeColumn(profile: ImportProfile, column: string): string {
  const field = Object.entries(profile.columns).find(([, mapped]) => mapped === column)?.[0];
  return field ? `${column} (${field})` : column;
}
