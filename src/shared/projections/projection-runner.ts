import type { Logger } from '@nestjs/common';
import type { Position, RecordedEvent } from '../eventstore/event-envelope';
import type { EventStore } from '../eventstore/event-store.port';
import { type BatchResult, CheckpointedRunner } from '../consumers/checkpointed-runner';
import type { ReadModelStore } from '../readmodels/read-model-store.port';
import { applyEvents } from './projection-batch';
import { checkpointName, physicalCollection, type ProjectionBuild } from './projection-naming';

export interface ProjectionRunnerOptions {
  readonly maxBatchSize?: number;
  /** Called once, when the build has processed everything that was in the log. */
  readonly onCaughtUp?: () => Promise<void>;
  /** Told each time the build's checkpoint moves on. */
  readonly onAdvance?: (position: Position) => void;
}

/** Runs one build of a projection: its collections, from its checkpoint, batch by batch. */
export class ProjectionRunner extends CheckpointedRunner {
  constructor(
    readonly build: ProjectionBuild,
    events: EventStore,
    private readonly readModels: ReadModelStore,
    logger: Logger,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    super(
      `projection ${checkpointName(build).replace(/^projection:/, '')}`,
      events,
      logger,
      options.maxBatchSize,
    );
  }

  protected async prepare(): Promise<Position | null> {
    for (const collection of this.build.definition.collections) {
      await this.readModels.ensureCollection({
        name: physicalCollection(this.build, collection.name),
        indexes: collection.indexes,
        textFields: collection.textFields,
      });
    }
    return this.readModels.getCheckpoint(checkpointName(this.build));
  }

  protected process(events: readonly RecordedEvent[]): Promise<BatchResult> {
    return applyEvents(this.build, this.readModels, events);
  }

  protected override advanced(position: Position): void {
    this.options.onAdvance?.(position);
  }

  protected override async caughtUp(): Promise<void> {
    await this.options.onCaughtUp?.();
  }
}
