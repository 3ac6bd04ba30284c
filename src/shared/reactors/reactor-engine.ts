import type { Logger } from '@nestjs/common';
import type { ConsumerFailure, RunnerState } from '../consumers/checkpointed-runner';
import { type ConsumerLag, measureLag } from '../consumers/consumer-lag';
import type { Position } from '../eventstore/event-envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { ReadModelStore } from '../readmodels/read-model-store.port';
import type { Workflow } from './workflow';
import { type CommandDispatch, ReactorRunner } from './reactor-runner';

export interface ReactorStatus extends ConsumerLag {
  readonly name: string;
  readonly state: RunnerState;
  readonly position: Position | null;
  readonly failure: ConsumerFailure | null;
  readonly lastError: string | null;
}

/** Runs every reactor on its own checkpointed subscription. */
export class ReactorEngine {
  private readonly runners: ReactorRunner[];

  constructor(
    private readonly events: EventStore,
    checkpoints: ReadModelStore,
    definitions: readonly Workflow[],
    dispatch: CommandDispatch,
    logger: Logger,
  ) {
    this.runners = definitions.map(
      (d) => new ReactorRunner(d, events, checkpoints, dispatch, logger),
    );
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const reached = await Promise.all(
      this.runners.map((runner) => runner.waitFor(position, timeoutMs)),
    );
    return reached.every(Boolean);
  }

  async statuses(): Promise<ReactorStatus[]> {
    return Promise.all(
      this.runners.map(async (runner) => {
        const status = runner.status();
        return {
          name: runner.definition.name,
          ...status,
          ...(await measureLag(this.events, status.position, Date.now())),
        };
      }),
    );
  }
}
