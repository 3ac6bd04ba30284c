import type { Decider, DomainEvent } from '../../src/shared/domain/decider';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import type { Reaction, Workflow } from '../../src/shared/reactors/workflow';
import { deepFreeze } from './decider';

type ErrorType<T extends Error> = abstract new (...args: never[]) => T;

/** What a decision or a reaction is checked against: the outcome, nothing, or a refusal. */
export interface Outcome<TResult> {
  /** The outcome equals exactly these (events of a decider, commands of a workflow). */
  then(expected: readonly TResult[]): readonly TResult[];
  /** Nothing follows: the intent already held, or the event calls for nothing. */
  thenNothingHappened(): void;
  /** Refused with this error type; `check` looks further at the error (its rule, its text). */
  thenThrows<T extends Error>(type: ErrorType<T>, check?: (error: T) => void): T;
}

function outcome<TResult>(run: () => readonly TResult[]): Outcome<TResult> {
  return {
    then(expected) {
      const actual = run();
      expect(actual).toEqual(expected);
      return actual;
    },
    thenNothingHappened() {
      expect(run()).toEqual([]);
    },
    thenThrows(type, check) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(type);
      check?.(thrown as never);
      return thrown as never;
    },
  };
}

/**
 * A decider, given its past events, when a command: then these events, nothing, or an error.
 * State is frozen, so a decider that mutates it fails loudly.
 *
 *   scenario(decider).given([placed]).when(new FulfilLine(...)).thenThrows(BusinessRuleViolation)
 */
export function scenario<TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
) {
  return {
    given(history: readonly TEvent[]) {
      const state = history.reduce(
        (s, e) => deepFreeze(decider.evolve(s, e)),
        deepFreeze(decider.initialState),
      );
      return {
        state,
        when: (command: TCommand): Outcome<TEvent> => outcome(() => decider.decide(command, state)),
      };
    },
  };
}

/**
 * A workflow, given the events it saw before, when an event: then these commands (with their
 * keys: `then` takes reactions), nothing, or an error.
 */
export function workflowScenario<TEvent extends RecordedEvent, TState>(
  workflow: Workflow<TEvent, TState>,
) {
  return {
    given(history: readonly TEvent[]) {
      const state = history.reduce(
        (s, e) => deepFreeze(workflow.evolve(s, e)),
        deepFreeze(workflow.initialState),
      );
      return {
        state,
        when: (event: TEvent): Outcome<Reaction> =>
          outcome(() => workflow.decide(deepFreeze(event), state)),
      };
    },
  };
}
