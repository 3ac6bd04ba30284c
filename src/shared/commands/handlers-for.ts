import { Injectable, type Type } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { Decider, DomainEvent } from '../domain/decider';
import { WrongExpectedVersionError } from '../eventstore/event-store.errors';
import type { CommandContext } from './command-context';
import { type CommandOutcome, DeciderExecutor } from './decider-executor';

/** A command as every handler takes it: it carries who asks and in which conversation. */
export interface AggregateCommand {
  readonly context: CommandContext;
}

/** A check of facts outside the aggregate, run before deciding (for example: the vendor exists). */
export interface Precondition<TCommand> {
  check(command: TCommand): Promise<void>;
}

export interface HandlersOptions<TCommand> {
  /** An injectable checked before each decision. */
  readonly precondition?: Type<Precondition<TCommand>>;
  /**
   * Decide again on a conflict, up to this many attempts in all: for commands whose events are
   * computed from the state they meet (adding a picture keeps the pictures added meanwhile).
   */
  readonly attempts?: number;
}

export interface AggregateCommandHandler<TCommand, TEvent extends DomainEvent> {
  execute(command: TCommand): Promise<CommandOutcome<TEvent>>;
}

/** Which decider and stream a command class goes to: what `InOneWrite` routes by. */
export interface CommandRoute {
  readonly decider: Decider<unknown, DomainEvent, unknown>;
  readonly streamOf: (command: never) => string;
}

const routes = new Map<object, CommandRoute>();

/** The route of a command handled by a `handlersFor` handler; undefined for any other command. */
export function routeOf(command: object): CommandRoute | undefined {
  return routes.get(command.constructor);
}

/**
 * The CommandBus handlers of one aggregate: each command class goes to `decider` on the stream
 * `streamOf` names, through the executor (read, decide, append at the revision read). A feature
 * lists them in its `<aggregate>.handlers.ts` and provides them in its module.
 */
export function handlersFor<TCommand extends AggregateCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  streamOf: (command: TCommand) => string,
  commands: readonly Type<TCommand>[],
  options: HandlersOptions<TCommand> = {},
): Type<AggregateCommandHandler<TCommand, TEvent>>[] {
  const attempts = options.attempts ?? 1;
  return commands.map((command) => {
    routes.set(command, { decider, streamOf } as unknown as CommandRoute);
    class Handler implements AggregateCommandHandler<TCommand, TEvent> {
      constructor(
        private readonly executor: DeciderExecutor,
        private readonly precondition?: Precondition<TCommand>,
      ) {}

      async execute(message: TCommand): Promise<CommandOutcome<TEvent>> {
        await this.precondition?.check(message);
        for (let attempt = 1; ; attempt++) {
          try {
            return await this.executor.execute(
              decider,
              streamOf(message),
              message,
              message.context,
            );
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
          }
        }
      }
    }
    Object.defineProperty(Handler, 'name', { value: `${command.name}Handler` });
    const dependencies = options.precondition
      ? [DeciderExecutor, options.precondition]
      : [DeciderExecutor];
    Reflect.defineMetadata('design:paramtypes', dependencies, Handler);
    Injectable()(Handler);
    CommandHandler(command)(Handler);
    return Handler;
  });
}
