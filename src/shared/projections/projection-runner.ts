import type { Logger } from '@nestjs/common';
import { comparePositions, type Position } from '../eventstore/event-envelope';
import type { EventStore, EventSubscription } from '../eventstore/event-store.port';
import type { ReadModelStore } from '../readmodels/read-model-store.port';
import { applyEvents, type ProjectionFailure } from './projection-batch';
import { checkpointName, physicalCollection, type ProjectionBuild } from './projection-naming';

export type RunnerState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

export interface RunnerOptions {
  readonly maxBatchSize?: number;
  /** Called once, when the build has processed everything that was in the log. */
  readonly onCaughtUp?: () => Promise<void>;
}

interface PositionWaiter {
  readonly position: Position;
  readonly resolve: (reached: boolean) => void;
}

const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];
/** Live batches are what arrived at once; while catching up, larger batches mean fewer commits. */
const DEFAULT_MAX_BATCH = 5000;

/**
 * Runs one build of a projection on its own checkpointed subscription to the whole log. An event
 * that makes the projection throw stops it for good (state `failed`, naming the event): it is
 * never skipped. A store that cannot be reached is retried with backoff from the checkpoint.
 */
export class ProjectionRunner {
  private state: RunnerState = 'idle';
  private position: Position | null = null;
  private failure: ProjectionFailure | null = null;
  private lastError: string | null = null;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private waiters: PositionWaiter[] = [];
  private stopping = false;

  constructor(
    readonly build: ProjectionBuild,
    private readonly events: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly logger: Logger,
    private readonly options: RunnerOptions = {},
  ) {}

  get name(): string {
    return checkpointName(this.build).replace(/^projection:/, '');
  }

  async start(): Promise<void> {
    for (const collection of this.build.definition.collections) {
      await this.readModels.ensureCollection({
        name: physicalCollection(this.build, collection.name),
        indexes: collection.indexes,
        textFields: collection.textFields,
      });
    }
    this.position = await this.readModels.getCheckpoint(checkpointName(this.build));
    this.state = 'catching-up';
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.loop;
    if (this.state !== 'failed') this.state = 'stopped';
    this.settleWaiters();
  }

  status() {
    return {
      state: this.state,
      position: this.position,
      failure: this.failure,
      lastError: this.lastError,
    };
  }

  /** Resolves true once the build has processed the position, false on timeout or failure. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    if (this.state === 'failed' || this.state === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: PositionWaiter = {
        position,
        resolve: (reached) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopping && this.state !== 'failed') {
      try {
        await this.checkCaughtUp();
        this.subscription = this.events.subscribeToAll({
          from: this.position ?? 'start',
          maxBatchSize: this.options.maxBatchSize ?? DEFAULT_MAX_BATCH,
        });
        for await (const batch of this.subscription) {
          // A resubscription may hand back what was already processed: pass over it.
          const fresh = this.position
            ? batch.filter((e) => comparePositions(e.position, this.position!) > 0)
            : batch;
          if (fresh.length === 0) continue;
          const outcome = await applyEvents(this.build, this.readModels, fresh);
          if (outcome.checkpoint) this.advance(outcome.checkpoint);
          attempt = 0;
          this.lastError = null;
          if (outcome.failure) {
            this.fail(outcome.failure);
            break;
          }
          await this.checkCaughtUp();
        }
      } catch (error) {
        if (this.stopping) break;
        const delay = RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)];
        this.lastError = error instanceof Error ? error.message : String(error);
        this.state = 'retrying';
        this.logger.warn(`projection ${this.name} will retry in ${delay} ms: ${this.lastError}`);
        await this.subscription?.close();
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (!this.stopping) this.state = 'catching-up';
      }
    }
  }

  private async checkCaughtUp(): Promise<void> {
    if (this.state !== 'catching-up') return;
    const head = await this.events.head();
    if (head && !this.reached(head.position)) return;
    this.state = 'live';
    this.logger.log(`projection ${this.name} is live`);
    await this.options.onCaughtUp?.();
  }

  private advance(position: Position): void {
    this.position = position;
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (!this.reached(waiter.position)) return true;
      waiter.resolve(true);
      return false;
    });
  }

  private fail(failure: ProjectionFailure): void {
    this.failure = failure;
    this.state = 'failed';
    this.logger.error(
      `projection ${this.name} stopped at event ${failure.eventId} (${failure.eventType}): ${failure.message}`,
    );
    this.settleWaiters();
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) waiter.resolve(this.reached(waiter.position));
    this.waiters = [];
  }

  private reached(position: Position): boolean {
    return this.position !== null && comparePositions(this.position, position) >= 0;
  }
}
