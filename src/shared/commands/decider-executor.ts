import { Inject, Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '../domain/decider';
import type { NewEvent, Position } from '../eventstore/event-envelope';
import { newEventId } from '../eventstore/event-ids';
import { EVENT_STORE, type EventStore } from '../eventstore/event-store.port';
import { Clock } from '../time/clock';
import type { CommandContext } from './command-context';

export interface CommandOutcome<TEvent extends DomainEvent> {
  readonly stream: string;
  /** The events this command appended; empty when its intent already held. */
  readonly events: readonly TEvent[];
  /** The stream's revision after the command, null when the stream still does not exist. */
  readonly revision: number | null;
  /** The log position a reader must reach to see the command's effect (null: nothing to see). */
  readonly position: Position | null;
}

/**
 * The whole write path of a command: read the stream, fold it with the decider's evolve, ask
 * decide, append what it returns at exactly the revision that was read. A concurrent writer in
 * between makes the append fail with WrongExpectedVersionError (HTTP 409), never overwrite.
 */
@Injectable()
export class DeciderExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    stream: string,
    command: TCommand,
    context: CommandContext,
  ): Promise<CommandOutcome<TEvent>> {
    const history = await this.store.readStream(stream);
    const state = history.reduce(
      (current, event) => decider.evolve(current, event as unknown as TEvent),
      decider.initialState,
    );
    const decided = decider.decide(command, state);
    const last = history.at(-1);
    if (decided.length === 0) {
      return {
        stream,
        events: [],
        revision: last?.revision ?? null,
        position: last?.position ?? null,
      };
    }
    const occurredAt = this.clock.now().toISOString();
    const events: NewEvent[] = decided.map((event) => ({
      id: newEventId(),
      type: event.type,
      data: event.data,
      metadata: { ...context, occurredAt, schemaVersion: 1 },
    }));
    const result = await this.store.append(stream, events, last?.revision ?? 'no_stream');
    return {
      stream,
      events: decided,
      revision: result.nextExpectedRevision,
      position: result.position,
    };
  }
}
