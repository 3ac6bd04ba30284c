import type { Policy } from '../../projections/accounting/recognition-policies';
import type { CommandContext } from '../shared/commands/command-context';
import type { AdjustmentLine } from './book.events';

export class ChangeBookPolicy {
  readonly kind = 'ChangeBookPolicy';

  constructor(
    readonly bookId: string,
    readonly to: Policy,
    readonly justification: string,
    /** The cumulative effect on the closed periods, computed by replay before the command. */
    readonly cumulativeEffect: readonly AdjustmentLine[],
    readonly adjustmentId: string,
    readonly context: CommandContext,
  ) {}
}

export class CloseBookPeriod {
  readonly kind = 'CloseBookPeriod';

  constructor(
    readonly bookId: string,
    readonly period: string,
    /** The current period, from the clock: only ended periods close. */
    readonly currentPeriod: string,
    readonly context: CommandContext,
  ) {}
}

export class PostBookAdjustment {
  readonly kind = 'PostBookAdjustment';

  constructor(
    readonly bookId: string,
    readonly adjustmentId: string,
    /** null: the first open period. */
    readonly period: string | null,
    readonly reason: string,
    readonly lines: readonly AdjustmentLine[],
    readonly context: CommandContext,
  ) {}
}

export type BookCommand = ChangeBookPolicy | CloseBookPeriod | PostBookAdjustment;
