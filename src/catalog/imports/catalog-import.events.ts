import type { DomainEvent } from '../../shared/domain/decider';
import type { ImportProfile } from './import-profile';
import type { ApplySelection, ImportReview } from './import-review';

/** A price sheet began to arrive; the profile is copied, so later edits to it change nothing here. */
export type CatalogImportStarted = DomainEvent<
  'CatalogImportStarted',
  {
    readonly importId: string;
    readonly vendorId: string;
    readonly profile: ImportProfile;
    readonly fileName: string;
  }
>;
/** The whole sheet was read and compared with the catalog: the change set awaits review. */
export type CatalogImportReviewed = DomainEvent<
  'CatalogImportReviewed',
  { readonly importId: string; readonly review: ImportReview; readonly bytes: number }
>;
/** The sheet could not be read to its end (too large, the upload broke off); nothing applies. */
export type CatalogImportFailed = DomainEvent<
  'CatalogImportFailed',
  { readonly importId: string; readonly reason: string }
>;
export type CatalogImportApplyStarted = DomainEvent<
  'CatalogImportApplyStarted',
  { readonly importId: string; readonly selection: ApplySelection; readonly toApply: number }
>;
/** Applying stopped on an error; the batches applied before it stay, and applying may be retried. */
export type CatalogImportApplyFailed = DomainEvent<
  'CatalogImportApplyFailed',
  { readonly importId: string; readonly reason: string; readonly applied: number }
>;
export type CatalogImportApplied = DomainEvent<
  'CatalogImportApplied',
  { readonly importId: string; readonly applied: number; readonly productEvents: number }
>;

export type CatalogImportEvent =
  | CatalogImportStarted
  | CatalogImportReviewed
  | CatalogImportFailed
  | CatalogImportApplyStarted
  | CatalogImportApplyFailed
  | CatalogImportApplied;
