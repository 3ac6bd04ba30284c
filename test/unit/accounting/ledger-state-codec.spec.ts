import {
  decodeLedgerState,
  encodeLedgerState,
} from '../../../projections/accounting/ledger-state-codec';
import { foldLedgerEvent, initialLedgerState } from '../../../projections/accounting/ledger-fold';
import type { JournalEntry } from '../../../projections/accounting/journal-entry';
import { POLICIES } from '../../../projections/accounting/recognition-policies';
import { depositToPickupStory } from '../../support/ledger-story';

describe('ledger state codec', () => {
  it('a fold resumed from the encoded state posts what the uninterrupted fold posts', () => {
    const story = depositToPickupStory();
    const half = Math.floor(story.length / 2);

    const straight: JournalEntry[] = [];
    const whole = initialLedgerState(POLICIES);
    for (const event of story) foldLedgerEvent(whole, event, (e) => straight.push(e));

    const resumed: JournalEntry[] = [];
    const first = initialLedgerState(POLICIES);
    for (const event of story.slice(0, half)) foldLedgerEvent(first, event, (e) => resumed.push(e));
    const stored = JSON.parse(JSON.stringify(encodeLedgerState(first)));
    const second = decodeLedgerState(stored);
    // Redelivered events (up to the checkpoint) are passed over.
    for (const event of story) foldLedgerEvent(second, event, (e) => resumed.push(e));

    expect(resumed).toEqual(straight);
    expect(encodeLedgerState(second)).toEqual(encodeLedgerState(whole));
  });
});
