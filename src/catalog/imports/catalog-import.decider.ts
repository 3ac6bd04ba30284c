import type { Decider } from '../../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../../shared/domain/domain-errors';
import type { CatalogImportCommand } from './catalog-import.commands';
import type { CatalogImportEvent } from './catalog-import.events';
import type { ImportProfile } from './import-profile';
import type { ApplySelection, ImportReview } from './import-review';

export type CatalogImportStatus = 'receiving' | 'reviewed' | 'failed' | 'applying' | 'applied';

export type CatalogImportState =
  | { readonly status: 'none' }
  | {
      readonly status: CatalogImportStatus;
      readonly importId: string;
      readonly vendorId: string;
      readonly profile: ImportProfile;
      readonly fileName: string;
      readonly review: ImportReview | null;
      readonly bytes: number | null;
      readonly selection: ApplySelection | null;
      readonly toApply: number | null;
      readonly applied: number | null;
      /** Why the sheet failed, or why the last attempt to apply it stopped. */
      readonly failure: string | null;
    };

type Started = Exclude<CatalogImportState, { status: 'none' }>;

/**
 * A price-sheet import: received, reviewed, then applied once by choice. Nothing reaches the
 * catalog before a review exists, and a sheet is applied at most once (a failed attempt may be
 * retried; the product deciders make a repeated batch change nothing).
 */
export const catalogImportDecider: Decider<
  CatalogImportCommand,
  CatalogImportEvent,
  CatalogImportState
> = {
  initialState: { status: 'none' },

  evolve(state, event) {
    if (event.type === 'CatalogImportStarted') {
      const { importId, vendorId, profile, fileName } = event.data;
      return {
        status: 'receiving',
        importId,
        vendorId,
        profile,
        fileName,
        review: null,
        bytes: null,
        selection: null,
        toApply: null,
        applied: null,
        failure: null,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'CatalogImportReviewed':
        return { ...state, status: 'reviewed', review: event.data.review, bytes: event.data.bytes };
      case 'CatalogImportFailed':
        return { ...state, status: 'failed', failure: event.data.reason };
      case 'CatalogImportApplyStarted':
        return {
          ...state,
          status: 'applying',
          selection: event.data.selection,
          toApply: event.data.toApply,
          applied: 0,
          failure: null,
        };
      case 'CatalogImportApplyFailed':
        return {
          ...state,
          status: 'reviewed',
          applied: event.data.applied,
          failure: event.data.reason,
        };
      case 'CatalogImportApplied':
        return { ...state, status: 'applied', applied: event.data.applied };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    if (command.kind === 'StartCatalogImport') {
      if (state.status !== 'none') {
        // The same upload retried is the same import; another sheet under its id is not.
        if (state.vendorId === command.vendorId && state.fileName === command.fileName) return [];
        throw new BusinessRuleViolation(
          'import-id-taken',
          `import ${command.importId} is already a different sheet`,
        );
      }
      const { importId, vendorId, profile, fileName } = command;
      return [{ type: 'CatalogImportStarted', data: { importId, vendorId, profile, fileName } }];
    }
    if (state.status === 'none') throw new UnknownEntityError('catalog import', command.importId);
    const { importId } = command;
    switch (command.kind) {
      case 'RecordImportReview':
        expectStatus(state, ['receiving'], 'record a review of');
        return [
          {
            type: 'CatalogImportReviewed',
            data: { importId, review: command.review, bytes: command.bytes },
          },
        ];
      case 'FailCatalogImport':
        if (state.status === 'failed') return [];
        expectStatus(state, ['receiving'], 'fail');
        return [{ type: 'CatalogImportFailed', data: { importId, reason: command.reason } }];
      case 'StartApplyingImport':
        if (state.status === 'applied') {
          throw new BusinessRuleViolation(
            'import-already-applied',
            `import ${importId} was applied already; upload the sheet again to review it anew`,
          );
        }
        if (state.status === 'applying') {
          throw new BusinessRuleViolation(
            'import-applying',
            `import ${importId} is being applied right now`,
          );
        }
        expectStatus(state, ['reviewed'], 'apply');
        return [
          {
            type: 'CatalogImportApplyStarted',
            data: { importId, selection: command.selection, toApply: command.toApply },
          },
        ];
      case 'FinishApplyingImport': {
        expectStatus(state, ['applying'], 'finish applying');
        const { outcome } = command;
        return outcome.ok
          ? [
              {
                type: 'CatalogImportApplied',
                data: { importId, applied: outcome.applied, productEvents: outcome.productEvents },
              },
            ]
          : [
              {
                type: 'CatalogImportApplyFailed',
                data: { importId, reason: outcome.reason, applied: outcome.applied },
              },
            ];
      }
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};

function expectStatus(state: Started, allowed: readonly CatalogImportStatus[], action: string) {
  if (!allowed.includes(state.status)) {
    const rule = state.status === 'failed' ? 'import-failed' : 'import-not-ready';
    throw new BusinessRuleViolation(
      rule,
      `cannot ${action} import ${state.importId} while it is ${state.status}` +
        (state.failure ? ` (${state.failure})` : ''),
    );
  }
}
