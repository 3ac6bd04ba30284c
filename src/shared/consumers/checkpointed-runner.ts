import type { Logger } from '@nestjs/common';
import { comparePositions, type Position, type RecordedEvent } from '../eventstore/event-envelope';
import type { EventStore, EventSubscription } from '../eventstore/event-store.port';

export type RunnerState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

/** The event a consumer could not get past: it stops there and never skips it. */
export interface ConsumerFailure {
  readonly eventId: string;
  readonly eventType: string;
  readonly position: Position;
  readonly message: string;
}

export interface BatchResult {
  /** The position now durably recorded as processed, or null when nothing advanced. */
  readonly checkpoint: Position | null;
  readonly failure: ConsumerFailure | null;
}

export interface RunnerStatus {
  readonly state: RunnerState;
  readonly position: Position | null;
  readonly failure: ConsumerFailure | null;
  readonly lastError: string | null;
}

interface PositionWaiter {
  readonly position: Position;
  readonly resolve: (reached: boolean) => void;
}

const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];
/** Live batches are what arrived at once; while catching up, larger batches mean fewer commits. */
const DEFAULT_MAX_BATCH = 5000;
/**
 * Live, a consumer lets new events gather this long before it works on them: under load a dozen
 * consumers then write each document once per batch rather than once per append.
 */
const LINGER_MS = 10;

/**
 * A consumer of the whole log on its own checkpointed subscription: a projection or a reactor.
 * A batch the consumer reports as failed stops it for good (state `failed`, naming the event).
 * Any other error (a store out of reach) is retried with backoff from the checkpoint, which
 * redelivers what the consumer may have half done: consumers are idempotent.
 */
export abstract class CheckpointedRunner {
  private state: RunnerState = 'idle';
  private position: Position | null = null;
  private failure: ConsumerFailure | null = null;
  private lastError: string | null = null;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private waiters: PositionWaiter[] = [];
  private stopping = false;

  protected constructor(
    readonly name: string,
    private readonly events: EventStore,
    protected readonly logger: Logger,
    private readonly maxBatchSize = DEFAULT_MAX_BATCH,
  ) {}

  /** Prepares the consumer and returns the checkpoint to resume after. */
  protected abstract prepare(): Promise<Position | null>;

  /** Handles consecutive events and records the checkpoint once their effects are durable. */
  protected abstract process(events: readonly RecordedEvent[]): Promise<BatchResult>;

  /** Called once, when the consumer has processed everything that was in the log. */
  protected async caughtUp(): Promise<void> {}

  /** Called each time the consumer's checkpoint moves on. */
  protected advanced(_position: Position): void {}

  async start(): Promise<void> {
    this.position = await this.prepare();
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

  status(): RunnerStatus {
    return {
      state: this.state,
      position: this.position,
      failure: this.failure,
      lastError: this.lastError,
    };
  }

  /** Resolves true once the consumer has processed the position, false on timeout or failure. */
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
          maxBatchSize: this.maxBatchSize,
          lingerMs: LINGER_MS,
        });
        for await (const batch of this.subscription) {
          // A resubscription may hand back what was already processed: pass over it.
          const after = this.position;
          const fresh = after
            ? batch.filter((e) => comparePositions(e.position, after) > 0)
            : batch;
          if (fresh.length === 0) continue;
          const result = await this.process(fresh);
          if (result.checkpoint) this.advance(result.checkpoint);
          attempt = 0;
          this.lastError = null;
          if (result.failure) {
            this.fail(result.failure);
            break;
          }
          await this.checkCaughtUp();
        }
      } catch (error) {
        if (this.stopping) break;
        const delay = RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)];
        this.lastError = error instanceof Error ? error.message : String(error);
        this.state = 'retrying';
        this.logger.warn(`${this.name} will retry in ${delay} ms: ${this.lastError}`);
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
    // One line per consumer is too many at start-up: /health lists each one's state.
    this.logger.debug(`${this.name} is live`);
    await this.caughtUp();
  }

  private advance(position: Position): void {
    this.position = position;
    this.advanced(position);
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (!this.reached(waiter.position)) return true;
      waiter.resolve(true);
      return false;
    });
  }

  private fail(failure: ConsumerFailure): void {
    this.failure = failure;
    this.state = 'failed';
    this.logger.error(
      `${this.name} stopped at event ${failure.eventId} (${failure.eventType}): ${failure.message}`,
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

export function describeFailure(event: RecordedEvent, error: unknown): ConsumerFailure {
  return {
    eventId: event.id,
    eventType: event.type,
    position: event.position,
    message: error instanceof Error ? error.message : String(error),
  };
}
