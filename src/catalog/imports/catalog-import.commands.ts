import type { CommandContext } from '../../shared/commands/command-context';
import type { ImportProfile } from './import-profile';
import type { ApplySelection, ImportReview } from './import-review';

export class StartCatalogImport {
  readonly kind = 'StartCatalogImport';

  constructor(
    readonly importId: string,
    readonly vendorId: string,
    readonly profile: ImportProfile,
    readonly fileName: string,
    readonly context: CommandContext,
  ) {}
}

export class RecordImportReview {
  readonly kind = 'RecordImportReview';

  constructor(
    readonly importId: string,
    readonly review: ImportReview,
    readonly bytes: number,
    readonly context: CommandContext,
  ) {}
}

export class FailCatalogImport {
  readonly kind = 'FailCatalogImport';

  constructor(
    readonly importId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

export class StartApplyingImport {
  readonly kind = 'StartApplyingImport';

  constructor(
    readonly importId: string,
    readonly selection: ApplySelection,
    readonly toApply: number,
    readonly context: CommandContext,
  ) {}
}

export class FinishApplyingImport {
  readonly kind = 'FinishApplyingImport';

  constructor(
    readonly importId: string,
    readonly outcome:
      | { readonly ok: true; readonly applied: number; readonly productEvents: number }
      | { readonly ok: false; readonly applied: number; readonly reason: string },
    readonly context: CommandContext,
  ) {}
}

export type CatalogImportCommand =
  | StartCatalogImport
  | RecordImportReview
  | FailCatalogImport
  | StartApplyingImport
  | FinishApplyingImport;
