import type { Decider, DomainEvent } from '../../src/shared/domain/decider';
import { BusinessRuleViolation } from '../../src/shared/domain/domain-errors';

/**
 * Given these past events, when this command: the events the decider decides. State is frozen,
 * so a decider that mutates it fails loudly.
 */
export function given<TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  history: readonly TEvent[],
) {
  const state = history.reduce(
    (s, e) => deepFreeze(decider.evolve(s, e)),
    deepFreeze(decider.initialState),
  );
  return {
    state,
    when: (command: TCommand): readonly TEvent[] => decider.decide(command, state),
  };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The business rule a command breaks: its name, or a failure when nothing was refused. */
export function refusal(decide: () => unknown): string {
  try {
    decide();
  } catch (error) {
    if (error instanceof BusinessRuleViolation) return error.rule;
    throw error;
  }
  throw new Error('the command was not refused');
}
