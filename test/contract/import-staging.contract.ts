import { randomUUID } from 'node:crypto';
import type { StagedChange } from '../../src/catalog/imports/import-review';
import type { ImportStaging, StagedRow } from '../../src/catalog/imports/import-staging.port';
import { describeSkippedContract } from '../support/contract';

export interface ImportStagingUnderTest {
  readonly staging: ImportStaging;
  dispose(): Promise<void>;
}

const change = (kind: StagedChange['kind'], flags: Partial<StagedChange> = {}): StagedChange => ({
  rowNumber: 1,
  vendorSku: `SKU-${randomUUID().slice(0, 6)}`,
  productId: null,
  kind,
  reason: null,
  product: null,
  cost: null,
  retailPrice: null,
  details: null,
  ...flags,
});
const price = {
  old: { amount: 100, currency: 'USD' },
  new: { amount: 120, currency: 'USD' },
  percent: 20,
};

/** The behaviour every import-staging adapter must show, written once. */
export function describeImportStagingContract(
  adapter: string,
  open: (() => Promise<ImportStagingUnderTest>) | { skip: string },
): void {
  if ('skip' in open) return describeSkippedContract('import staging', adapter, open.skip);

  describe(`import staging contract: ${adapter}`, () => {
    let subject: ImportStagingUnderTest;
    let staging: ImportStaging;
    let importId: string;
    const rows: StagedRow[] = [
      { seq: 1, change: change('new') },
      { seq: 2, change: change('changed', { cost: price, retailPrice: price }) },
      { seq: 3, change: change('changed', { details: { name: { old: 'a', new: 'b' } } }) },
      { seq: 4, change: change('unchanged') },
      { seq: 5, change: change('invalid', { reason: 'bad price' }) },
      { seq: 6, change: change('missing') },
    ];

    beforeAll(async () => {
      subject = await open();
      staging = subject.staging;
    });
    afterAll(() => subject.dispose());
    beforeEach(async () => {
      importId = randomUUID();
      await staging.stage(importId, rows.slice(0, 3));
      await staging.stage(importId, rows.slice(3));
    });

    it('gives back the lines of a kind in sheet order, a page after another', async () => {
      expect(await staging.rows(importId, ['new'], 0, 10)).toEqual([rows[0]]);
      const all = ['new', 'cost', 'price', 'details', 'missing', 'unchanged', 'invalid'] as const;
      const first = await staging.rows(importId, all, 0, 4);
      expect(first.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
      expect((await staging.rows(importId, all, 4, 4)).map((r) => r.seq)).toEqual([5, 6]);
      expect(await staging.rows(importId, [], 0, 10)).toEqual([]);
    });

    it('selects a line of several kinds once, and counts it once', async () => {
      expect((await staging.rows(importId, ['cost', 'price'], 0, 10)).map((r) => r.seq)).toEqual([
        2,
      ]);
      expect(await staging.countSelected(importId, ['cost', 'price'])).toBe(1);
      expect(await staging.countSelected(importId, ['new', 'cost', 'details', 'missing'])).toBe(4);
      expect(await staging.countSelected(importId, [])).toBe(0);
    });

    it('replaces a line staged again, and forgets an import when cleared', async () => {
      const again = { seq: 1, change: change('invalid', { reason: 'duplicate' }) };
      await staging.stage(importId, [again]);
      expect(await staging.rows(importId, ['new'], 0, 10)).toEqual([]);
      expect(await staging.rows(importId, ['invalid'], 0, 10)).toEqual([again, rows[4]]);
      await staging.clear(importId);
      expect(await staging.countSelected(importId, ['new', 'missing'])).toBe(0);
    });

    it('keeps imports apart', async () => {
      const other = randomUUID();
      await staging.stage(other, [{ seq: 1, change: change('missing') }]);
      expect(await staging.countSelected(importId, ['missing'])).toBe(1);
      await staging.clear(other);
      expect(await staging.countSelected(importId, ['missing'])).toBe(1);
    });

    it('remembers which imports are being applied', async () => {
      await staging.markApplying(importId, true);
      await staging.markApplying(importId, true);
      expect((await staging.applyingImports()).filter((id) => id === importId)).toEqual([importId]);
      await staging.markApplying(importId, false);
      expect(await staging.applyingImports()).not.toContain(importId);
    });
  });
}
