import { Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '../domain/decider';
import type { CommandContext } from './command-context';
import { type CommandOutcome, DeciderExecutor } from './decider-executor';

/**
 * The thin handler every aggregate command needs: which decider, which stream. A feature
 * subclasses it once per aggregate and registers one empty subclass per command class.
 */
@Injectable()
export abstract class DeciderCommandHandler<
  TCommand extends { readonly context: CommandContext },
  TEvent extends DomainEvent,
  TState,
> {
  protected abstract readonly decider: Decider<TCommand, TEvent, TState>;

  constructor(private readonly executor: DeciderExecutor) {}

  protected abstract streamOf(command: TCommand): string;

  execute(command: TCommand): Promise<CommandOutcome<TEvent>> {
    return this.executor.execute(this.decider, this.streamOf(command), command, command.context);
  }
}
