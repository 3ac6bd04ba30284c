import {
  FailCatalogImport,
  FinishApplyingImport,
  RecordImportReview,
  StartApplyingImport,
  StartCatalogImport,
} from '../../../../src/catalog/imports/catalog-import.commands';
import { catalogImportDecider } from '../../../../src/catalog/imports/catalog-import.decider';
import type { CatalogImportEvent } from '../../../../src/catalog/imports/catalog-import.events';
import type { ImportProfile } from '../../../../src/catalog/imports/import-profile';
import type { ImportReview } from '../../../../src/catalog/imports/import-review';
import {
  BusinessRuleViolation,
  UnknownEntityError,
} from '../../../../src/shared/domain/domain-errors';
import { given } from '../../../support/decider';
import { context } from '../../../support/domain-fixtures';

const importId = 'i-1';
const profile: ImportProfile = {
  name: 'spring',
  format: 'csv',
  currency: 'USD',
  columns: { vendorSku: 'SKU', name: 'Name', cost: 'Cost', retailPrice: 'MSRP' },
};
const review: ImportReview = {
  rows: 3,
  valid: 2,
  invalid: 1,
  new: 2,
  costChanged: 0,
  priceChanged: 0,
  detailsChanged: 0,
  unchanged: 0,
  missing: 0,
};
const selection = { kinds: ['new' as const], skus: null };
const started: CatalogImportEvent = {
  type: 'CatalogImportStarted',
  data: { importId, vendorId: 'v-1', profile, fileName: 'spring.csv' },
};
const reviewed: CatalogImportEvent = {
  type: 'CatalogImportReviewed',
  data: { importId, review, bytes: 120 },
};
const applying: CatalogImportEvent = {
  type: 'CatalogImportApplyStarted',
  data: { importId, selection, toApply: 2 },
};

describe('catalog import decider', () => {
  it('starts once; the same upload again changes nothing, another sheet under its id is refused', () => {
    const start = (fileName: string) =>
      new StartCatalogImport(importId, 'v-1', profile, fileName, context);
    expect(given(catalogImportDecider, []).when(start('spring.csv'))).toEqual([started]);
    expect(given(catalogImportDecider, [started]).when(start('spring.csv'))).toEqual([]);
    expect(() => given(catalogImportDecider, [started]).when(start('other.csv'))).toThrow(
      BusinessRuleViolation,
    );
  });

  it('applies nothing before a review exists, and a failed sheet never', () => {
    const apply = new StartApplyingImport(importId, selection, 2, context);
    expect(() => given(catalogImportDecider, []).when(apply)).toThrow(UnknownEntityError);
    expect(() => given(catalogImportDecider, [started]).when(apply)).toThrow(
      expect.objectContaining({ rule: 'import-not-ready' }),
    );
    const failed: CatalogImportEvent = {
      type: 'CatalogImportFailed',
      data: { importId, reason: 'the sheet is larger than 1 GB' },
    };
    expect(() => given(catalogImportDecider, [started, failed]).when(apply)).toThrow(
      expect.objectContaining({ rule: 'import-failed' }),
    );
    expect(
      given(catalogImportDecider, [started]).when(new FailCatalogImport(importId, 'x', context)),
    ).toHaveLength(1);
  });

  it('applies a reviewed sheet once; a failed attempt may be retried', () => {
    const apply = new StartApplyingImport(importId, selection, 2, context);
    expect(given(catalogImportDecider, [started, reviewed]).when(apply)).toEqual([applying]);
    expect(() => given(catalogImportDecider, [started, reviewed, applying]).when(apply)).toThrow(
      expect.objectContaining({ rule: 'import-applying' }),
    );
    const stopped = given(catalogImportDecider, [started, reviewed, applying]).when(
      new FinishApplyingImport(importId, { ok: false, applied: 1, reason: 'disk full' }, context),
    );
    expect(stopped[0].type).toBe('CatalogImportApplyFailed');
    const afterFailure = given(catalogImportDecider, [started, reviewed, applying, ...stopped]);
    expect(afterFailure.state).toMatchObject({ status: 'reviewed', failure: 'disk full' });
    expect(afterFailure.when(apply)).toEqual([applying]);

    const done = given(catalogImportDecider, [started, reviewed, applying]).when(
      new FinishApplyingImport(importId, { ok: true, applied: 2, productEvents: 2 }, context),
    );
    expect(() =>
      given(catalogImportDecider, [started, reviewed, applying, ...done]).when(apply),
    ).toThrow(expect.objectContaining({ rule: 'import-already-applied' }));
  });

  it('records a review only while receiving', () => {
    const record = new RecordImportReview(importId, review, 120, context);
    expect(given(catalogImportDecider, [started]).when(record)).toEqual([reviewed]);
    expect(() => given(catalogImportDecider, [started, reviewed]).when(record)).toThrow(
      BusinessRuleViolation,
    );
  });
});
