import type { AccountCode } from './chart-of-accounts';
import type { Policy } from './recognition-policies';

export interface JournalLine {
  readonly account: AccountCode;
  /** Minor units; exactly one of debit and credit is above zero. */
  readonly debit: number;
  readonly credit: number;
  /** The events that caused this line. */
  readonly eventIds: readonly string[];
}

export interface JournalEntry {
  /** `<causing event id>:<n>`: stable across replays, so a redelivered event is recognisable. */
  readonly entryId: string;
  readonly policy: Policy;
  /** The accounting period (YYYY-MM) the entry belongs to. */
  readonly period: string;
  /** When the business fact happened. */
  readonly occurredAt: string;
  /** When the causing event was recorded: reports `asOf` a time read by this. */
  readonly recordedAt: string;
  readonly position: number;
  readonly description: string;
  readonly backorderId: string | null;
  /** Set on an entry that recognises (units > 0) or reverses (units < 0) a customer line. */
  readonly recognition: { readonly lineId: string; readonly units: number } | null;
  readonly lines: readonly JournalLine[];
}

/** Builds the lines of one entry, leaving out zero amounts and turning negatives round. */
export class EntryLines {
  readonly lines: JournalLine[] = [];

  debit(account: AccountCode, amount: number, eventIds: readonly string[]): this {
    if (amount > 0) this.lines.push({ account, debit: amount, credit: 0, eventIds });
    else if (amount < 0) this.lines.push({ account, debit: 0, credit: -amount, eventIds });
    return this;
  }

  credit(account: AccountCode, amount: number, eventIds: readonly string[]): this {
    return this.debit(account, -amount, eventIds);
  }
}

export function isBalanced(entry: Pick<JournalEntry, 'lines'>): boolean {
  let debit = 0;
  let credit = 0;
  for (const line of entry.lines) {
    debit += line.debit;
    credit += line.credit;
  }
  return debit === credit;
}
