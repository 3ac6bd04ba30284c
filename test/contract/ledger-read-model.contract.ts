import { LedgerReadModel, type PostedEntry } from '../../src/accounting/ledger-read-model';
import { foldLedgerEvent, initialLedgerState } from '../../projections/accounting/ledger-fold';
import { LedgerTotals } from '../../projections/accounting/period-totals';
import { POLICIES } from '../../projections/accounting/recognition-policies';
import { describeSkippedContract } from '../support/contract';
import { depositToPickupStory } from '../support/ledger-story';
import type { ReadModelStoreUnderTest } from '../support/read-model-stores';

/** The saved book resumes the same on every read-model store adapter. */
export function describeLedgerReadModelContract(
  adapter: string,
  open: (() => Promise<ReadModelStoreUnderTest>) | { skip: string },
): void {
  if ('skip' in open) return describeSkippedContract('ledger read model', adapter, open.skip);

  describe(`ledger read model: ${adapter}`, () => {
    let subject: ReadModelStoreUnderTest;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(() => subject.dispose());

    /** The story folded up to `upTo` events, with every entry it posted and their causes. */
    const fold = (upTo: number) => {
      const state = initialLedgerState(POLICIES);
      const totals = new LedgerTotals(POLICIES);
      const posted: PostedEntry[] = [];
      for (const event of depositToPickupStory().slice(0, upTo)) {
        const cause = {
          eventId: event.id,
          type: event.type,
          actor: 'clerk',
          position: { commit: event.position, prepare: event.position },
        };
        foldLedgerEvent(state, event, (entry) => {
          totals.add(entry);
          posted.push({ entry, cause, sequence: posted.length });
        });
      }
      return { state, totals, posted };
    };

    it('loads nothing before the first save', async () => {
      const model = new LedgerReadModel(subject.store);
      await model.ensure();
      expect(await model.load()).toBeNull();
    });

    it('resumes from what was saved, and ignores entries saved past the fold', async () => {
      const model = new LedgerReadModel(subject.store);
      await model.ensure();
      const early = fold(6);
      const late = fold(9);
      const checkpoint = { commit: early.state.position, prepare: early.state.position };
      // Saved in two steps, the second one twice (a redelivery rewrites the same documents).
      await model.save(early.posted.slice(0, 3), early.totals, early.state, [], checkpoint);
      await model.save(early.posted.slice(3), early.totals, early.state, [], checkpoint);
      await model.save(early.posted.slice(3), early.totals, early.state, [], checkpoint);
      // Entries a crash left behind: written, but the fold and checkpoint never moved.
      const beyond = late.posted.filter((p) => p.entry.position > early.state.position);
      expect(beyond.length).toBeGreaterThan(0);
      await model.save(beyond, late.totals, early.state, [], checkpoint);

      const loaded = await new LedgerReadModel(subject.store).load();
      expect(loaded!.checkpoint).toEqual(checkpoint);
      expect(loaded!.state).toEqual(early.state);
      expect(loaded!.entries).toEqual(early.posted);
    });
  });
}
