import { nextPeriod } from '../../projections/accounting/periods';
import { DEFAULT_POLICY, type Policy } from '../../projections/accounting/recognition-policies';
import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import type { BookCommand } from './book.commands';
import type { AdjustmentLine, BookEvent } from './book.events';

export interface BookState {
  readonly policy: Policy;
  readonly closedThrough: string | null;
  readonly adjustmentIds: readonly string[];
}

export const bookDecider: Decider<BookCommand, BookEvent, BookState> = {
  initialState: { policy: DEFAULT_POLICY, closedThrough: null, adjustmentIds: [] },

  evolve(state, event) {
    switch (event.type) {
      case 'BookPolicyChanged':
        return { ...state, policy: event.data.to };
      case 'BookPeriodClosed':
        return { ...state, closedThrough: event.data.period };
      case 'BookAdjustmentPosted':
        return { ...state, adjustmentIds: [...state.adjustmentIds, event.data.adjustmentId] };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'ChangeBookPolicy': {
        const justification = command.justification.trim();
        if (justification.length === 0)
          throw new BusinessRuleViolation(
            'policy-change-needs-justification',
            'a change of recognition policy needs a justification',
          );
        if (command.to === state.policy) return [];
        const period = openPeriod(state);
        const changed: BookEvent = {
          type: 'BookPolicyChanged',
          data: {
            bookId: command.bookId,
            from: state.policy,
            to: command.to,
            effectiveFrom: period ?? 'start',
            justification,
          },
        };
        if (command.cumulativeEffect.length === 0 || period === null) return [changed];
        assertBalanced(command.cumulativeEffect);
        return [
          changed,
          {
            type: 'BookAdjustmentPosted',
            data: {
              bookId: command.bookId,
              adjustmentId: command.adjustmentId,
              period,
              reason: `cumulative effect of the change from ${state.policy} to ${command.to} on the closed periods`,
              kind: 'policy-change',
              lines: command.cumulativeEffect,
            },
          },
        ];
      }
      case 'CloseBookPeriod': {
        if (state.closedThrough !== null && command.period <= state.closedThrough) {
          if (command.period === state.closedThrough) return [];
          throw new BusinessRuleViolation(
            'period-already-closed',
            `periods up to ${state.closedThrough} are closed already`,
          );
        }
        if (command.period >= command.currentPeriod)
          throw new BusinessRuleViolation(
            'period-not-ended',
            `${command.period} has not ended yet (it is ${command.currentPeriod})`,
          );
        return [
          {
            type: 'BookPeriodClosed',
            data: { bookId: command.bookId, period: command.period, policy: state.policy },
          },
        ];
      }
      case 'PostBookAdjustment': {
        if (state.adjustmentIds.includes(command.adjustmentId)) return [];
        const period = command.period ?? openPeriod(state) ?? null;
        if (period === null)
          throw new BusinessRuleViolation(
            'adjustment-needs-a-period',
            'name the period: no period has been closed yet',
          );
        if (state.closedThrough !== null && period <= state.closedThrough)
          throw new BusinessRuleViolation(
            'period-closed',
            `${period} is closed (periods up to ${state.closedThrough}); post in ${nextPeriod(state.closedThrough)} or later`,
          );
        assertBalanced(command.lines);
        return [
          {
            type: 'BookAdjustmentPosted',
            data: {
              bookId: command.bookId,
              adjustmentId: command.adjustmentId,
              period,
              reason: command.reason.trim(),
              kind: 'manual',
              lines: command.lines,
            },
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

/** The first period not closed; null before any close (every period is open). */
function openPeriod(state: BookState): string | null {
  return state.closedThrough === null ? null : nextPeriod(state.closedThrough);
}

function assertBalanced(lines: readonly AdjustmentLine[]): void {
  const debit = lines.reduce((total, line) => total + line.debit, 0);
  const credit = lines.reduce((total, line) => total + line.credit, 0);
  if (lines.length === 0 || debit !== credit)
    throw new BusinessRuleViolation(
      'adjustment-unbalanced',
      `an adjustment's debits (${debit}) must equal its credits (${credit})`,
    );
}
