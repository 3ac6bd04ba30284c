import type { Logger } from '@nestjs/common';
import type { Position } from '../eventstore/event-envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { ReadModelStore } from '../readmodels/read-model-store.port';
import type { ConsumerFailure, RunnerState } from '../consumers/checkpointed-runner';
import { type ConsumerLag, measureLag } from '../consumers/consumer-lag';
import type { ProjectionDefinition } from './projection-definition';
import { checkpointName, physicalCollection, type ProjectionBuild } from './projection-naming';
import type { ProjectionReadSide } from './projection-read-side';
import { ProjectionRunner } from './projection-runner';
import { type LiveBuild, readLiveBuild, recordLiveBuild } from './live-build';

export interface ProjectionStatus extends ConsumerLag {
  readonly name: string;
  readonly version: number;
  readonly state: RunnerState;
  /** True when queries read this build (false while it is rebuilt beside the live one). */
  readonly serving: boolean;
  readonly position: Position | null;
  readonly failure: ConsumerFailure | null;
  readonly lastError: string | null;
}

export interface ProjectionEngineOptions {
  readonly maxBatchSize?: number;
  readonly now?: () => number;
  /** Told each time a serving build of a projection moves on (for another thread's mirror). */
  readonly onProgress?: (projection: string, position: Position) => void;
  /** Told which collections serve reads of a projection, at start and at each switch. */
  readonly onServing?: (projection: string, collections: Readonly<Record<string, string>>) => void;
}

/**
 * Runs every projection definition on its own checkpointed subscription. A definition whose
 * version is not the one being served is rebuilt from the start of the log into new collections
 * (`<collection>_v<version>`) while queries keep reading the old ones; once it has caught up,
 * reads switch over and the old collections are dropped (blue/green).
 */
export class ProjectionEngine implements ProjectionReadSide {
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly serving = new Map<string, LiveBuild>();

  constructor(
    private readonly events: EventStore,
    private readonly readModels: ReadModelStore,
    readonly definitions: readonly ProjectionDefinition[],
    private readonly logger: Logger,
    private readonly options: ProjectionEngineOptions = {},
  ) {
    const names = new Set<string>();
    // Collections are stored as <collection>_v<version>: two projections sharing a collection name
    // would write over each other's documents.
    const collections = new Map<string, string>();
    for (const definition of definitions) {
      if (names.has(definition.name)) {
        throw new Error(`projection ${definition.name} is defined twice`);
      }
      names.add(definition.name);
      for (const { name } of definition.collections) {
        const owner = collections.get(name);
        if (owner) {
          throw new Error(
            `projections ${owner} and ${definition.name} both declare collection ${name}`,
          );
        }
        collections.set(name, definition.name);
      }
    }
  }

  async start(): Promise<void> {
    for (const definition of this.definitions) await this.startBuild({ definition });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** The physical collection queries read for a projection's logical collection. */
  collection(projection: string, collection: string): string {
    const live = this.serving.get(projection);
    const physical = live?.collections[collection];
    if (!physical) throw new Error(`projection ${projection} has no collection ${collection}`);
    return physical;
  }

  /** Waits until the named projections (default: all) have processed the position. */
  async waitFor(
    position: Position,
    timeoutMs: number,
    projections?: readonly string[],
  ): Promise<boolean> {
    const runners = [...this.runners.entries()]
      .filter(([name]) => !projections || projections.includes(name))
      .map(([, runner]) => runner);
    const reached = await Promise.all(runners.map((runner) => runner.waitFor(position, timeoutMs)));
    return reached.every(Boolean);
  }

  async statuses(): Promise<ProjectionStatus[]> {
    const now = this.options.now ?? Date.now;
    return Promise.all(
      [...this.runners.entries()].map(async ([name, runner]) => {
        const status = runner.status();
        const { eventsBehind, msBehind } = await measureLag(this.events, status.position, now());
        return {
          name,
          version: runner.build.definition.version,
          state: status.state,
          serving: this.serving.get(name)?.checkpoint === checkpointName(runner.build),
          position: status.position,
          eventsBehind,
          msBehind,
          failure: status.failure,
          lastError: status.lastError,
        };
      }),
    );
  }

  private async startBuild(build: ProjectionBuild): Promise<void> {
    const { definition } = build;
    const live = await readLiveBuild(this.readModels, definition.name);
    const candidate = describeBuild(build);
    const isServing = live?.checkpoint === candidate.checkpoint;
    if (!live || isServing) {
      // Nothing older to keep serving: this build serves reads from the start.
      await recordLiveBuild(this.readModels, definition.name, candidate);
      this.serving.set(definition.name, candidate);
      this.options.onServing?.(definition.name, candidate.collections);
    } else {
      this.serving.set(definition.name, live);
      this.options.onServing?.(definition.name, live.collections);
      this.logger.log(
        `projection ${definition.name} v${definition.version} is rebuilt beside v${live.version}, which serves reads until then`,
      );
    }
    const runner = new ProjectionRunner(build, this.events, this.readModels, this.logger, {
      maxBatchSize: this.options.maxBatchSize,
      onAdvance: (position) => this.options.onProgress?.(definition.name, position),
      onCaughtUp:
        live && !isServing ? () => this.switchOver(definition.name, live, candidate) : undefined,
    });
    this.runners.set(definition.name, runner);
    await runner.start();
  }

  private async switchOver(name: string, previous: LiveBuild, next: LiveBuild): Promise<void> {
    await recordLiveBuild(this.readModels, name, next);
    this.serving.set(name, next);
    this.options.onServing?.(name, next.collections);
    for (const collection of Object.values(previous.collections)) {
      if (!Object.values(next.collections).includes(collection)) {
        await this.readModels.dropCollection(collection);
      }
    }
    await this.readModels.deleteCheckpoint(previous.checkpoint);
    this.logger.log(
      `projection ${name} now serves v${next.version}; v${previous.version} was dropped`,
    );
  }
}

function describeBuild(build: ProjectionBuild): LiveBuild {
  return {
    version: build.definition.version,
    tag: build.tag ?? null,
    checkpoint: checkpointName(build),
    collections: Object.fromEntries(
      build.definition.collections.map((c) => [c.name, physicalCollection(build, c.name)]),
    ),
  };
}
