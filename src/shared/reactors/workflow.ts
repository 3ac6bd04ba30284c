import type { CommandContext } from '../commands/command-context';
import type { RecordedEvent } from '../eventstore/event-envelope';

/**
 * A command a workflow issues for an event. Commands with the same key run one after another, in
 * the order of their events; commands with different keys run side by side.
 */
export interface Reaction {
  readonly key: string;
  readonly command: object;
}

/**
 * A process manager spanning aggregates, as pure parts, run by the reactor runner on its own
 * checkpointed subscription: what it remembers of the events it reacts to (`initialState`,
 * `evolve`) and which commands an event calls for in that state (`decide`, which sees the state
 * before the event). Its commands must be idempotent (a repeated one is a no-op), because a
 * crash before the checkpoint redelivers events. A workflow that needs nothing remembered keeps
 * `stateless` as its state.
 */
export interface Workflow<TEvent extends RecordedEvent = RecordedEvent, TState = unknown> {
  /** kebab-case; names its checkpoint. */
  readonly name: string;
  readonly eventTypes: readonly string[];
  readonly initialState: TState;
  evolve(state: TState, event: TEvent): TState;
  decide(event: TEvent, state: TState): readonly Reaction[];
  /**
   * Merges the commands of one key in a batch, in order, into fewer: a workflow whose commands
   * share a stream can then make them durable in one write. Pure; optional.
   */
  coalesce?(commands: readonly object[]): readonly object[];
}

/** The state of a workflow that reacts to each event on its own. */
export const stateless = { initialState: null, evolve: (): null => null } as const;

export function defineWorkflow<TEvent extends RecordedEvent, TState>(
  workflow: Workflow<TEvent, TState>,
): Workflow {
  return workflow as unknown as Workflow;
}

/** Whether the workflow remembers anything: the runner then folds its events from the start. */
export function isStateful(workflow: Workflow): boolean {
  return workflow.initialState !== null;
}

/** The context of a command a workflow issues: the event's actor and conversation, caused by the event. */
export function reactionContext(event: RecordedEvent, workflow: string): CommandContext {
  return {
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    processManager: workflow,
  };
}
