import { Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '../domain/decider';
import type { Position } from '../eventstore/event-envelope';
import { DeciderExecutor } from './decider-executor';

/**
 * The current state of a stream, folded by its decider's evolve: for a check that must see the
 * truth rather than a read model. Shares the executor's state cache; never writes. A feature
 * reads only its own aggregates here; other features' state comes through their snapshot readers.
 */
@Injectable()
export class StreamStates {
  constructor(private readonly executor: DeciderExecutor) {}

  load<TEvent extends DomainEvent, TState>(
    decider: Pick<Decider<unknown, TEvent, TState>, 'initialState' | 'evolve'>,
    stream: string,
  ): Promise<{ state: TState; revision: number | null; position: Position | null }> {
    return this.executor.load(decider, stream);
  }
}
