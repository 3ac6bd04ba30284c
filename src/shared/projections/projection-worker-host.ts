import type { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppConfig } from '../config/app-config';
import { comparePositions, type Position } from '../eventstore/event-envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { ProjectionStatus } from './projection-engine';
import type { ProjectionRegistry } from './projection-registry';
import type { ProjectionReadSide } from './projection-read-side';
import type { HostMessage, WorkerMessage } from './projection-worker-messages';

/** How long the worker gets to finish its batch and close its stores before it is ended. */
const STOP_GRACE_MS = 10_000;

interface Waiter {
  readonly position: Position;
  readonly projections: readonly string[];
  readonly resolve: (reached: boolean) => void;
}

/**
 * Runs the projections in a worker thread, so that building read models uses the second core
 * while this thread answers requests and runs the reactors. It keeps a mirror of what the worker
 * reports (each projection's position, which collections serve reads) to answer
 * `collection()` and `waitFor()` without a round trip.
 */
export class ProjectionWorkerHost implements ProjectionReadSide {
  private worker: Worker | null = null;
  private readonly positions = new Map<string, Position>();
  private readonly serving = new Map<string, Readonly<Record<string, string>>>();
  private waiters: Waiter[] = [];
  private readonly pendingStatuses = new Map<number, (statuses: ProjectionStatus[]) => void>();
  private nextRequest = 0;
  private stopped: Promise<void> | null = null;
  private wakePosted = false;
  private exited = false;

  constructor(
    private readonly config: AppConfig,
    private readonly events: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly logger: Logger,
  ) {}

  start(): Promise<void> {
    // Run from TypeScript sources (tests, ts-node) the worker needs the same loader.
    const source = __filename.endsWith('.ts');
    const worker = new Worker(join(__dirname, `projection-worker${source ? '.ts' : '.js'}`), {
      workerData: {
        config: this.config,
        registry: { source: this.registry.source, eventVersions: this.registry.eventVersions },
      },
      execArgv: source ? ['-r', 'ts-node/register/transpile-only'] : [],
    });
    this.worker = worker;
    if (this.events.onAppended) {
      // One wake-up per turn of the event loop, however many appends it made durable.
      this.events.onAppended(() => {
        if (this.wakePosted) return;
        this.wakePosted = true;
        setImmediate(() => {
          this.wakePosted = false;
          this.post({ type: 'appended' });
        });
      });
    }
    return new Promise((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'started') resolve();
        if (message.type === 'failed') {
          this.logger.error(`the projections thread failed: ${message.message}`);
          reject(new Error(message.message));
        }
        this.receive(message);
      });
      worker.once('error', (error) => {
        this.logger.error(`the projections thread stopped: ${error.message}`);
        reject(error);
      });
      worker.once('exit', () => {
        this.exited = true;
        this.settleWaiters();
        for (const answer of this.pendingStatuses.values()) answer([]);
        this.pendingStatuses.clear();
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker || this.exited) return resolve();
      // A worker that hangs or never answers must not keep the server from shutting down.
      const deadline = setTimeout(() => {
        this.logger.warn('the projections thread did not stop in time; ending it');
        void worker.terminate();
      }, STOP_GRACE_MS);
      worker.once('exit', () => {
        clearTimeout(deadline);
        resolve();
      });
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'stopped') void worker.terminate();
      });
      this.post({ type: 'stop' });
    });
    await this.stopped;
    this.settleWaiters();
  }

  collection(projection: string, collection: string): string {
    const physical = this.serving.get(projection)?.[collection];
    if (!physical) throw new Error(`projection ${projection} has no collection ${collection}`);
    return physical;
  }

  waitFor(
    position: Position,
    timeoutMs: number,
    projections?: readonly string[],
  ): Promise<boolean> {
    const names = projections ?? this.registry.projections.map((d) => d.name);
    if (this.reached(position, names)) return Promise.resolve(true);
    if (!this.worker || this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        projections: names,
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

  statuses(): Promise<ProjectionStatus[]> {
    if (!this.worker || this.exited) return Promise.resolve([]);
    const id = this.nextRequest++;
    return new Promise((resolve) => {
      this.pendingStatuses.set(id, resolve);
      this.post({ type: 'statuses', id });
    });
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'progress':
        this.positions.set(message.projection, message.position);
        this.waiters = this.waiters.filter((waiter) => {
          if (!this.reached(waiter.position, waiter.projections)) return true;
          waiter.resolve(true);
          return false;
        });
        return;
      case 'serving':
        this.serving.set(message.projection, message.collections);
        return;
      case 'statuses':
        this.pendingStatuses.get(message.id)?.(message.statuses);
        this.pendingStatuses.delete(message.id);
        return;
      default:
        return;
    }
  }

  private reached(position: Position, projections: readonly string[]): boolean {
    return projections.every((name) => {
      const at = this.positions.get(name);
      return at !== undefined && comparePositions(at, position) >= 0;
    });
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters)
      waiter.resolve(this.reached(waiter.position, waiter.projections));
    this.waiters = [];
  }

  private post(message: HostMessage): void {
    this.worker?.postMessage(message);
  }
}
