import type { CatalogImportState, CatalogImportStatus } from './catalog-import.decider';
import type { ProgressView } from './import-progress';
import type { ApplySelection, ImportReview } from './import-review';

/** An import as the API shows it. */
export interface CatalogImportView {
  readonly id: string;
  readonly vendorId: string;
  readonly profile: string;
  readonly fileName: string;
  readonly status: CatalogImportStatus;
  readonly failure: string | null;
  readonly progress: ProgressView;
  readonly review: ImportReview | null;
  readonly selection: ApplySelection | null;
}

/** The recorded import, with live progress while this server works on it. */
export function importView(
  state: Exclude<CatalogImportState, { status: 'none' }>,
  live: ProgressView | null,
): CatalogImportView {
  const recorded: ProgressView = {
    bytesReceived: state.bytes ?? 0,
    rowsRead: state.review?.rows ?? 0,
    rowsPerSecond: 0,
    applied: state.applied ?? 0,
    toApply: state.toApply ?? 0,
  };
  const progress =
    live && (state.status === 'receiving' || state.status === 'applying')
      ? live
      : { ...recorded, rowsPerSecond: live?.rowsPerSecond ?? 0 };
  return {
    id: state.importId,
    vendorId: state.vendorId,
    profile: state.profile.name,
    fileName: state.fileName,
    status: state.status,
    failure: state.failure,
    progress,
    review: state.review,
    selection: state.selection,
  };
}
