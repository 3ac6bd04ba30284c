import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportProfile } from '../../src/catalog/imports/import-profile';
import { type ApiClient, ServerUnreachable } from './api-client';
import { fileSize, profileBody } from './catalog-manifest';
import type { ImportView, InvalidRow, Page, VendorListing } from './import-views';
import type { UploadForm } from './multipart-upload';
import { type Output, progressDisplay } from './progress-display';
import { applyFrame, formatDuration, uploadFrame } from './progress-format';
import { invalidRowsTable, reviewTable } from './review-report';

/** The server took the request but the import itself failed: the reason is the server's. */
export class ImportFailed extends Error {
  override readonly name = 'ImportFailed';
}

/** A vendor the user named that the server does not know, or knows twice. */
export class VendorNotFound extends Error {
  override readonly name = 'VendorNotFound';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most a list route pages at once. */
const PAGE_SIZE = 200;
const INVALID_ROWS_SHOWN = 10;
/** How long an import may still read `reviewed` after its apply was accepted. */
const CATCH_UP_MS = 30_000;

/** Terms a vendor registered by the CLI starts with; staff change them with PATCH /vendors/:id. */
export const NEW_VENDOR_TERMS = { leadTimeDays: 21, consolidation: 'weekly' } as const;

export interface ImporterOptions {
  readonly pollMs?: number;
  readonly now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sameName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The import steps over HTTP: find or register the vendor, save its profile, upload the sheet
 * with a progress bar while the server reads it, show the review, apply it.
 */
export class CatalogImporter {
  private readonly pollMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: ApiClient,
    private readonly out: Output,
    options: ImporterOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.now = options.now ?? Date.now;
  }

  private say(line: string): void {
    this.out.write(`${line}\n`);
  }

  async listVendors(): Promise<VendorListing[]> {
    const vendors: VendorListing[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/vendors?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: Page<VendorListing> = await this.client.get<Page<VendorListing>>(query);
      vendors.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return vendors;
  }

  /** A vendor by its id, or by its name in any case. */
  async findVendor(idOrName: string): Promise<VendorListing> {
    if (UUID.test(idOrName)) {
      const vendor = await this.client.find<VendorListing>(`/vendors/${idOrName.toLowerCase()}`);
      if (!vendor) throw new VendorNotFound(`no vendor has the id ${idOrName}`);
      return vendor;
    }
    const vendors = await this.listVendors();
    const matches = vendors.filter((v) => sameName(v.name) === sameName(idOrName));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new VendorNotFound(
        `${matches.length} vendors are named ${idOrName}: give the id (${matches.map((v) => v.id).join(', ')})`,
      );
    }
    const near = vendors.filter((v) => sameName(v.name).includes(sameName(idOrName)));
    const hint =
      near.length > 0
        ? `; did you mean ${near.map((v) => v.name).join(', ')}?`
        : vendors.length > 0
          ? `; the vendors are ${vendors
              .slice(0, 20)
              .map((v) => v.name)
              .join(', ')}${vendors.length > 20 ? ', …' : ''}`
          : '; the server knows no vendors yet';
    throw new VendorNotFound(`no vendor is named ${idOrName}${hint}`);
  }

  /**
   * Registers a vendor under `name`. The idempotency key is derived from the name, so a run that
   * is repeated after a lost answer gets the same vendor rather than a second one.
   */
  async registerVendor(name: string): Promise<string> {
    const key = `catalog-import-vendor-${sameName(name)
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 90)}`;
    const { id } = await this.client.post<{ id: string }>(
      '/vendors',
      { name, ...NEW_VENDOR_TERMS },
      { 'idempotency-key': key },
    );
    this.say(
      `Registered vendor ${name} (${id}): lead time ${NEW_VENDOR_TERMS.leadTimeDays} days, ` +
        `${NEW_VENDOR_TERMS.consolidation} POs; change them with PATCH /vendors/${id}`,
    );
    return id;
  }

  async saveProfile(vendorId: string, profile: ImportProfile): Promise<void> {
    await this.client.put(
      `/vendors/${vendorId}/import-profiles/${encodeURIComponent(profile.name)}`,
      profileBody(profile),
    );
    this.say(`Saved import profile ${profile.name}`);
  }

  /** Fails unless the vendor has a profile of that name, listing the ones it has. */
  async checkProfile(vendorId: string, name: string): Promise<void> {
    const { items } = await this.client.get<{ items: readonly ImportProfile[] }>(
      `/vendors/${vendorId}/import-profiles`,
    );
    if (items.some((p) => p.name === name)) return;
    throw new ImportFailed(
      `the vendor has no import profile named ${name}` +
        (items.length > 0
          ? ` (it has ${items.map((p) => p.name).join(', ')})`
          : ' (it has none yet)') +
        ': save one with --profile-file <profile.json>',
    );
  }

  /**
   * Streams the sheet to the server, the file never whole in memory, and shows how far the server
   * has read it; answers the import once reviewed.
   */
  async upload(vendorId: string, profileName: string, path: string): Promise<ImportView> {
    const fileBytes = await fileSize(path);
    const fileName = basename(path);
    const importId = randomUUID();
    const form: UploadForm = {
      // The server reads the text fields before the file, so they go first.
      fields: [
        ['vendorId', vendorId],
        ['profile', profileName],
      ],
      file: { field: 'file', path, name: fileName, size: fileBytes },
    };

    const display = progressDisplay('upload', this.out);
    const started = this.now();
    const frame = (view: ImportView | null, done = false) =>
      uploadFrame({
        fileName,
        fileBytes,
        bytesReceived: done ? fileBytes : (view?.progress?.bytesReceived ?? 0),
        rowsRead: view?.progress?.rowsRead ?? view?.review?.rows ?? 0,
        rowsPerSecond: view?.progress?.rowsPerSecond ?? 0,
        elapsedSeconds: (this.now() - started) / 1000,
      });
    display.show(frame(null));

    let outcome: { view: ImportView } | { error: unknown } | null = null;
    const uploading = this.client
      .upload<ImportView>('/catalog/imports', form, {
        'idempotency-key': importId,
        'x-import-id': importId,
      })
      .then(
        (view) => (outcome = { view }),
        (error: unknown) => (outcome = { error }),
      );
    let last: ImportView | null = null;
    while (!outcome) {
      await Promise.race([uploading, sleep(this.pollMs)]);
      if (outcome) break;
      try {
        // 404 until the server has the first bytes.
        const view = await this.client.find<ImportView>(`/catalog/imports/${importId}`);
        if (view) {
          last = view;
          display.show(frame(view));
        }
      } catch {
        // The upload's own answer says what went wrong; a missed look is no loss.
      }
    }
    const settled = outcome as { view: ImportView } | { error: unknown };
    if ('error' in settled) {
      display.finish(frame(last));
      // A refusal mid-upload can break the connection before the answer arrives: the import,
      // when the server got that far, says why.
      if (settled.error instanceof ServerUnreachable) {
        const view = await this.client
          .find<ImportView>(`/catalog/imports/${importId}`)
          .catch(() => null);
        if (view?.status === 'failed') throw new ImportFailed(`the import failed: ${view.failure}`);
      }
      throw settled.error;
    }
    let view = settled.view;
    while (view.status === 'receiving') {
      display.show(frame(view));
      await sleep(this.pollMs);
      view = (await this.client.find<ImportView>(`/catalog/imports/${view.id}`)) ?? view;
    }
    display.finish(frame(view, view.status !== 'failed'));
    if (view.status === 'failed') {
      throw new ImportFailed(
        `the server could not read ${fileName}: ${view.failure ?? 'no reason given'}`,
      );
    }
    this.say(
      `Uploaded ${fileName} in ${formatDuration((this.now() - started) / 1000)}: import ${view.id}`,
    );
    return view;
  }

  /** The review table and, when some rows could not be read, the first of them. */
  async printReview(view: ImportView): Promise<void> {
    if (!view.review) return;
    this.say(reviewTable(view.review));
    if (view.review.invalid === 0) return;
    try {
      const page = await this.client.get<Page<InvalidRow>>(
        `/catalog/imports/${view.id}/changes?kind=invalid&limit=${INVALID_ROWS_SHOWN}`,
      );
      this.say(invalidRowsTable(page.items, view.review.invalid));
    } catch (error) {
      if (error instanceof ServerUnreachable) throw error;
      this.say(`(the invalid rows could not be listed: ${(error as Error).message})`);
    }
  }

  /** Applies a reviewed import, with a bar over the changes applied; answers the applied import. */
  async apply(importId: string, discontinueMissing: boolean): Promise<ImportView> {
    await this.client.post(
      `/catalog/imports/${importId}/apply`,
      discontinueMissing ? { discontinueMissing: true } : {},
    );
    return this.followApply(importId, true);
  }

  /**
   * Polls an applying import until it is applied or failed. Right after asking for it, a view
   * that still says `reviewed` is one the read side has not caught up with yet.
   */
  async followApply(importId: string, justAsked = false): Promise<ImportView> {
    const display = progressDisplay('apply', this.out);
    const started = this.now();
    const frame = (view: ImportView | null, done = false) => {
      const toApply = view?.progress?.toApply ?? 0;
      return applyFrame({
        applied: done ? toApply : (view?.progress?.applied ?? 0),
        toApply,
        perSecond: view?.progress?.rowsPerSecond ?? 0,
        elapsedSeconds: (this.now() - started) / 1000,
      });
    };
    let view: ImportView | null = null;
    let last: ImportView | null = null;
    for (;;) {
      view = await this.client.find<ImportView>(`/catalog/imports/${importId}`);
      if (!view) throw new ImportFailed(`import ${importId} is gone`);
      const catchingUp =
        justAsked && view.status === 'reviewed' && this.now() - started < CATCH_UP_MS;
      if (view.status !== 'applying' && !catchingUp) break;
      last = view;
      display.show(frame(view));
      await sleep(this.pollMs);
    }
    const finished = view.progress ? view : last;
    display.finish(frame(finished, view.status === 'applied'));
    if (view.status === 'failed') {
      throw new ImportFailed(
        `applying import ${importId} failed: ${view.failure ?? 'no reason given'}`,
      );
    }
    if (view.status !== 'applied') {
      throw new ImportFailed(`import ${importId} is ${view.status}, not applied`);
    }
    this.say(`Applied import ${importId} in ${formatDuration((this.now() - started) / 1000)}`);
    return view;
  }
}
