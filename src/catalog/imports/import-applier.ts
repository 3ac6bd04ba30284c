import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/commands/command-context';
import { StreamStates } from '../../shared/commands/stream-states';
import type { Position } from '../../shared/eventstore/event-envelope';
import { EVENT_STORE, type EventStore } from '../../shared/eventstore/event-store.port';
import { WrongExpectedVersionError } from '../../shared/eventstore/event-store.errors';
import { streams } from '../../shared/eventstore/stream-names';
import {
  ApplyProductChanges,
  DiscontinueProduct,
  ListProduct,
  type ProductCommand,
  ReviseProduct,
} from '../product.commands';
import type { ProductState } from '../product.decider';
import type { ProductDetails } from '../product.events';
import { FinishApplyingImport, StartApplyingImport } from './catalog-import.commands';
import { catalogImportDecider, type CatalogImportState } from './catalog-import.decider';
import { imagesAfterSheet } from './catalog-comparison';
import { ImportProgressBoard } from './import-progress';
import type { ApplySelection, StagedChange } from './import-review';
import { ImportStaging, type StagedRow } from './import-staging';
import type { SheetProduct } from './sheet-product';

/** Products per batch: one atomic append, so a failure never leaves a batch half applied. */
const APPLY_BATCH = 1_000;
const CONFLICT_RETRIES = 3;

/**
 * Applies the selected changes of a reviewed sheet as product events, a batch at a time, each
 * batch one atomic append. Runs after the request that asked for it has been answered; progress
 * shows on the import. Every batch is decided again on the products' streams, so applying twice
 * (a retry, a restart after a crash mid-way) changes nothing the first run did.
 */
@Injectable()
export class ImportApplier implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportApplier.name);
  private readonly running = new Set<string>();
  /** Where each vendor's latest applied batch lies in the log: what its next review must see. */
  private readonly appliedUpTo = new Map<string, Position>();

  constructor(
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
    private readonly staging: ImportStaging,
    private readonly progress: ImportProgressBoard,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Records the decision to apply and starts applying; resolves once applying has begun. */
  async startApplying(
    importId: string,
    selection: ApplySelection,
    context: CommandContext,
  ): Promise<void> {
    const stream = streams.catalogImport(importId);
    const { state } = await this.states.load(catalogImportDecider, stream);
    const toApply = this.countSelected(importId, selection);
    await this.commands.execute(new StartApplyingImport(importId, selection, toApply, context));
    if (state.status === 'none') return;
    this.staging.markApplying(importId, true);
    this.run(runOf(state, selection), toApply, context);
  }

  /** The log position of the vendor's latest applied batch since this process started. */
  lastAppliedFor(vendorId: string): Position | null {
    return this.appliedUpTo.get(vendorId) ?? null;
  }

  /** Finishes what a crash or a stop interrupted, on behalf of whoever asked for it. */
  async onApplicationBootstrap(): Promise<void> {
    for (const importId of this.staging.applyingImports()) {
      const stream = streams.catalogImport(importId);
      const { state } = await this.states.load(catalogImportDecider, stream);
      if (state.status !== 'applying' || !state.selection) {
        this.staging.markApplying(importId, false);
        continue;
      }
      const [started] = await this.store.readStream(stream, { direction: 'backwards', limit: 1 });
      const context: CommandContext = {
        actor: started.metadata.actor,
        correlationId: started.metadata.correlationId,
        causationId: started.id,
      };
      this.logger.log({ importId }, 'resuming a catalog import interrupted while applying');
      this.run(runOf(state, state.selection), state.toApply ?? 0, context);
    }
  }

  private run(run: ApplyRun, toApply: number, context: CommandContext): void {
    const { importId } = run;
    if (this.running.has(importId)) return;
    this.running.add(importId);
    const progress = this.progress.get(importId) ?? this.progress.start(importId);
    progress.toApply = toApply;
    progress.applied = 0;
    progress.applyStartedAt = Date.now();
    void this.applyAll(run, progress, context).finally(() => this.running.delete(importId));
  }

  private async applyAll(
    run: ApplyRun,
    progress: { applied: number },
    context: CommandContext,
  ): Promise<void> {
    const { importId, selection } = run;
    let productEvents = 0;
    let outcome: FinishApplyingImport['outcome'];
    try {
      let after = 0;
      for (;;) {
        const rows = this.staging.rows(importId, selection.kinds, after, APPLY_BATCH);
        if (rows.length === 0) break;
        after = rows[rows.length - 1].seq;
        const chosen = run.skus ? rows.filter((r) => isChosen(r, run.skus)) : rows;
        productEvents += await this.applyBatch(chosen, run, context);
        progress.applied += chosen.length;
      }
      outcome = { ok: true, applied: progress.applied, productEvents };
    } catch (error) {
      this.logger.error({ err: error, importId }, 'applying a catalog import stopped');
      outcome = { ok: false, applied: progress.applied, reason: (error as Error).message };
    }
    try {
      await this.commands.execute(new FinishApplyingImport(importId, outcome, context));
      this.staging.markApplying(importId, false);
    } catch (error) {
      this.logger.error({ err: error, importId }, 'could not record the end of applying');
    }
  }

  /** One atomic append; a product changed meanwhile by someone else makes it decide again. */
  private async applyBatch(
    rows: readonly StagedRow[],
    run: ApplyRun,
    context: CommandContext,
  ): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const changes = rows.map(({ change }) => ({
          productId: change.productId as string,
          // New products are appended without reading their (absent) streams first.
          isNew: attempt === 0 && change.kind === 'new',
          command: (state: ProductState) => commandFor(change, state, run, context),
        }));
        const { appended, position }: { appended: number; position: Position | null } =
          await this.commands.execute(new ApplyProductChanges(changes, context));
        if (position) this.appliedUpTo.set(run.vendorId, position);
        return appended;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= CONFLICT_RETRIES)
          throw error;
      }
    }
  }

  private countSelected(importId: string, selection: ApplySelection): number {
    if (!selection.skus) return this.staging.countSelected(importId, selection.kinds);
    const skus = new Set(selection.skus);
    let count = 0;
    let after = 0;
    for (;;) {
      const rows = this.staging.rows(importId, selection.kinds, after, 10_000);
      if (rows.length === 0) return count;
      after = rows[rows.length - 1].seq;
      count += rows.filter((r) => isChosen(r, skus)).length;
    }
  }
}

/** The product command a staged change asks for, on the product as it is now. */
function commandFor(
  change: StagedChange,
  state: ProductState,
  run: ApplyRun,
  context: CommandContext,
): ProductCommand | null {
  const { kinds } = run;
  const productId = change.productId as string;
  if (change.kind === 'missing') {
    return kinds.has('missing')
      ? new DiscontinueProduct(productId, 'no longer in the vendor price sheet', context)
      : null;
  }
  const product = change.product as SheetProduct;
  if (state.status === 'unlisted') {
    if (!kinds.has('new')) return null;
    const { cost, retailPrice } = product;
    return new ListProduct(productId, detailsOf(state, product, run), cost, retailPrice, context);
  }
  // Listed meanwhile, or changed: revise only what the selected kinds cover.
  const everything = change.kind === 'new';
  const details =
    (everything || kinds.has('details')) && (everything || change.details)
      ? detailsOf(state, product, run)
      : null;
  const revision = {
    ...(details ? withoutKeys(details) : {}),
    ...((everything || kinds.has('cost')) && (everything || change.cost)
      ? { cost: product.cost }
      : {}),
    ...((everything || kinds.has('price')) && (everything || change.retailPrice)
      ? { retailPrice: product.retailPrice }
      : {}),
  };
  return Object.keys(revision).length > 0 ? new ReviseProduct(productId, revision, context) : null;
}

/** Built in one fixed key order: the decider compares details of a repeated listing as JSON. */
function detailsOf(state: ProductState, product: SheetProduct, run: ApplyRun): ProductDetails {
  const current = state.status === 'unlisted' ? [] : state.details.images;
  return {
    vendorId: run.vendorId,
    vendorSku: product.vendorSku,
    name: product.name,
    collection: product.collection,
    design: product.design,
    color: product.color,
    size: product.size,
    material: product.material,
    images: [...imagesAfterSheet(current, product.images, run.sheetHasImages)],
    dimensions: product.dimensions,
  };
}

function withoutKeys({ vendorId: _v, vendorSku: _s, ...editable }: ProductDetails) {
  return editable;
}

function isChosen(row: StagedRow, skus: ReadonlySet<string> | null): boolean {
  return !skus || (row.change.vendorSku !== null && skus.has(row.change.vendorSku));
}

/** What applying one import needs to know besides its staged rows. */
interface ApplyRun {
  readonly importId: string;
  readonly vendorId: string;
  readonly selection: ApplySelection;
  readonly kinds: ReadonlySet<string>;
  readonly skus: ReadonlySet<string> | null;
  readonly sheetHasImages: boolean;
}

function runOf(
  state: Exclude<CatalogImportState, { status: 'none' }>,
  selection: ApplySelection,
): ApplyRun {
  return {
    importId: state.importId,
    vendorId: state.vendorId,
    selection,
    kinds: new Set(selection.kinds),
    skus: selection.skus ? new Set(selection.skus) : null,
    sheetHasImages: state.profile.columns.images !== undefined,
  };
}
