import type { CommandContext } from '../commands/command-context';
import type { RecordedEvent } from '../eventstore/event-envelope';

/**
 * A command a reactor issues for an event. Commands with the same key run one after another, in
 * the order of their events; commands with different keys run side by side.
 */
export interface Reaction {
  readonly key: string;
  readonly command: object;
}

/**
 * A process manager, as a pure function: the commands an event calls for. Its commands must be
 * idempotent (a repeated one is a no-op), because a crash before the checkpoint redelivers events.
 */
export interface ReactorDefinition<TEvent extends RecordedEvent = RecordedEvent> {
  /** kebab-case; names its checkpoint. */
  readonly name: string;
  readonly eventTypes: readonly string[];
  react(event: TEvent): readonly Reaction[];
  /**
   * Merges the commands of one key in a batch, in order, into fewer: a reactor whose commands
   * share a stream can then make them durable in one write. Pure; optional.
   */
  coalesce?(commands: readonly object[]): readonly object[];
}

export function defineReactor<TEvent extends RecordedEvent>(
  definition: ReactorDefinition<TEvent>,
): ReactorDefinition {
  return definition as unknown as ReactorDefinition;
}

/** The context of a command a reactor issues: the event's actor and conversation, caused by the event. */
export function reactionContext(event: RecordedEvent, reactor: string): CommandContext {
  return {
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    processManager: reactor,
  };
}
