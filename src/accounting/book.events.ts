import type { AccountCode } from '../../projections/accounting/chart-of-accounts';
import type { Policy } from '../../projections/accounting/recognition-policies';
import type { DomainEvent } from '../shared/domain/decider';

export interface AdjustmentLine {
  readonly account: AccountCode;
  readonly debit: number;
  readonly credit: number;
}

/** The book reads its revenue by another policy from now on; recorded with who and why. */
export type BookPolicyChanged = DomainEvent<
  'BookPolicyChanged',
  {
    readonly bookId: string;
    readonly from: Policy;
    readonly to: Policy;
    /** The first open period: closed ones keep what they published. */
    readonly effectiveFrom: string;
    readonly justification: string;
  }
>;

/** Nothing dated in the period or before it is posted there any more. */
export type BookPeriodClosed = DomainEvent<
  'BookPeriodClosed',
  { readonly bookId: string; readonly period: string; readonly policy: Policy }
>;

/** A manual entry, or the cumulative effect of a policy change, posted in an open period. */
export type BookAdjustmentPosted = DomainEvent<
  'BookAdjustmentPosted',
  {
    readonly bookId: string;
    readonly adjustmentId: string;
    readonly period: string;
    readonly reason: string;
    /** 'policy-change' for a restatement's cumulative effect, 'manual' otherwise. */
    readonly kind: 'policy-change' | 'manual';
    readonly lines: readonly AdjustmentLine[];
  }
>;

export type BookEvent = BookPolicyChanged | BookPeriodClosed | BookAdjustmentPosted;

export const BOOK_EVENT_TYPES: readonly BookEvent['type'][] = [
  'BookPolicyChanged',
  'BookPeriodClosed',
  'BookAdjustmentPosted',
];

/** One book by default. */
export const MAIN_BOOK = 'main';
