import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '../domain/decider';
import type { AggregateCommand } from './handlers-for';
import { routeOf } from './handlers-for';
import { type CommandOutcome, DeciderExecutor } from './decider-executor';

/**
 * Several commands to one stream, each decided on the state the ones before it leave, made
 * durable by one group commit (see DeciderExecutor.executeAll): a workflow handing a PO a whole
 * batch of lines. Every command must be handled by `handlersFor` and go to the same stream.
 */
export class InOneWrite {
  readonly kind = 'InOneWrite';

  constructor(readonly commands: readonly AggregateCommand[]) {}
}

@Injectable()
@CommandHandler(InOneWrite)
export class InOneWriteHandler implements ICommandHandler<InOneWrite> {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute({ commands }: InOneWrite): Promise<CommandOutcome<DomainEvent>[]> {
    if (commands.length === 0) return [];
    const route = routeOf(commands[0]);
    if (!route) throw new Error(`no handler routes ${commands[0].constructor.name}`);
    const stream = route.streamOf(commands[0] as never);
    for (const command of commands) {
      const other = routeOf(command);
      if (other?.decider !== route.decider || other.streamOf(command as never) !== stream)
        throw new Error('InOneWrite takes commands to one stream only');
    }
    return this.executor.executeAll(
      route.decider,
      stream,
      commands.map((command) => ({ command, context: command.context })),
    );
  }
}
