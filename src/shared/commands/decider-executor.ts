import { Inject, Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '../domain/decider';
import type { EventMetadata, NewEvent, Position } from '../eventstore/event-envelope';
import { newEventId } from '../eventstore/event-ids';
import { EventVersions } from '../eventstore/event-versions';
import { EVENT_STORE, type EventStore, type StreamAppend } from '../eventstore/event-store.port';
import { Clock } from '../time/clock';
import { AggregateStateCache } from './aggregate-state-cache';
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
 * The whole write path of a command: read the stream (from the cached state on), fold it with the
 * decider's evolve, ask decide, append what it returns at exactly the revision that was read. A
 * concurrent writer in between makes the append fail with WrongExpectedVersionError (HTTP 409),
 * never overwrite.
 */
@Injectable()
export class DeciderExecutor {
  private readonly cache = new AggregateStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly versions: EventVersions,
  ) {}

  async execute<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    stream: string,
    command: TCommand,
    context: CommandContext,
  ): Promise<CommandOutcome<TEvent>> {
    const { state, revision, position } = await this.load(decider, stream);
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { stream, events: [], revision, position };
    const events = this.newEvents(decided, metadataOf(context, this.clock.now().toISOString()));
    const result = await this.store.append(stream, events, revision ?? 'no_stream');
    this.cache.set(stream, {
      owner: decider,
      state: decided.reduce(decider.evolve, state),
      revision: result.nextExpectedRevision,
      position: result.position,
    });
    return {
      stream,
      events: decided,
      revision: result.nextExpectedRevision,
      position: result.position,
    };
  }

  /**
   * Several commands to one stream, each decided on the state the previous ones leave, their
   * appends queued together with chained expected revisions so that one group commit makes them
   * all durable. Each command's events carry its own context. Nothing is appended when any
   * decision is refused; a conflict fails the appends from the conflicting one on.
   */
  async executeAll<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    stream: string,
    commands: readonly { readonly command: TCommand; readonly context: CommandContext }[],
  ): Promise<CommandOutcome<TEvent>[]> {
    const loaded = await this.load(decider, stream);
    let state = loaded.state;
    let revision = loaded.revision;
    const decisions = commands.map(({ command, context }) => {
      const decided = decider.decide(command, state);
      state = decided.reduce(decider.evolve, state);
      const expected = revision;
      revision = decided.length > 0 ? (revision ?? -1) + decided.length : revision;
      return { decided, context, expected };
    });
    const occurredAt = this.clock.now().toISOString();
    const appended = await Promise.all(
      decisions.map(({ decided, context, expected }) =>
        decided.length === 0
          ? null
          : this.store.append(
              stream,
              this.newEvents(decided, metadataOf(context, occurredAt)),
              expected ?? 'no_stream',
            ),
      ),
    );
    const last = appended.filter((result) => result !== null).at(-1);
    if (last)
      this.cache.set(stream, {
        owner: decider,
        state,
        revision: last.nextExpectedRevision,
        position: last.position,
      });
    return decisions.map(({ decided }, i) => ({
      stream,
      events: decided,
      revision: appended[i]?.nextExpectedRevision ?? revision,
      position: appended[i]?.position ?? last?.position ?? loaded.position,
    }));
  }

  /**
   * One command to each of many streams, appended in one atomic call (see EventStore.appendAll):
   * for bulk work such as applying a price sheet. `command` sees the stream's state and may
   * return null for nothing to do. An item marked `isNew` is decided on the initial state without
   * reading its stream, which must then not exist: when it does, the whole call fails with
   * WrongExpectedVersionError and nothing is appended. The state cache is left alone, so a bulk
   * run does not push out the hot streams of everyday commands.
   */
  async executeAcross<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    items: readonly {
      readonly stream: string;
      readonly isNew?: boolean;
      readonly command: (state: TState) => TCommand | null;
    }[],
    context: CommandContext,
  ): Promise<{ readonly appended: number; readonly position: Position | null }> {
    const loaded = await Promise.all(
      items.map(async (item) => {
        if (item.isNew) return { state: decider.initialState, revision: null };
        const events = await this.store.readStream(item.stream);
        const state = events.reduce(
          (current, event) => decider.evolve(current, event as unknown as TEvent),
          decider.initialState,
        );
        return { state, revision: events.at(-1)?.revision ?? null };
      }),
    );
    const metadata = metadataOf(context, this.clock.now().toISOString());
    const appends = items.flatMap((item, i): StreamAppend[] => {
      const command = item.command(loaded[i].state);
      const decided = command === null ? [] : decider.decide(command, loaded[i].state);
      if (decided.length === 0) return [];
      const events = this.newEvents(decided, metadata);
      return [{ stream: item.stream, events, expectedRevision: loaded[i].revision ?? 'no_stream' }];
    });
    const results = await this.store.appendAll(appends);
    return {
      appended: appends.reduce((sum, a) => sum + a.events.length, 0),
      position: results.at(-1)?.position ?? null,
    };
  }

  /** The decided events as stored: each at its type's current schema version. */
  private newEvents(decided: readonly DomainEvent[], metadata: EventMetadata): NewEvent[] {
    return decided.map((event) => {
      const version = this.versions.currentOf(event.type);
      return {
        id: newEventId(),
        type: event.type,
        data: event.data,
        metadata:
          version === metadata.schemaVersion ? metadata : { ...metadata, schemaVersion: version },
      };
    });
  }

  /** The current state of a stream, for a reader that must see the truth rather than a read model. */
  async load<TEvent extends DomainEvent, TState>(
    decider: Pick<Decider<unknown, TEvent, TState>, 'initialState' | 'evolve'>,
    stream: string,
  ): Promise<{ state: TState; revision: number | null; position: Position | null }> {
    const cached = this.cache.get(stream, decider);
    const fresh = await this.store.readStream(stream, cached ? { from: cached.revision + 1 } : {});
    const state = fresh.reduce(
      (current, event) => decider.evolve(current, event as unknown as TEvent),
      (cached?.state as TState | undefined) ?? decider.initialState,
    );
    const last = fresh.at(-1);
    const revision = last?.revision ?? cached?.revision ?? null;
    const position = last?.position ?? cached?.position ?? null;
    if (last && position)
      this.cache.set(stream, { owner: decider, state, revision: last.revision, position });
    return { state, revision, position };
  }
}

function metadataOf(context: CommandContext, occurredAt: string): EventMetadata {
  const { actor, correlationId, causationId, idempotencyKey, processManager } = context;
  return {
    actor,
    correlationId,
    causationId,
    occurredAt,
    schemaVersion: 1,
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(processManager ? { processManager } : {}),
  };
}
