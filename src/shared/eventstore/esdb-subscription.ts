import {
  AccessDeniedError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { comparePositions, type Position, type RecordedEvent } from './event-envelope';
import type { EventSubscription } from './event-store.port';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;
/** Batches held before the client's stream is paused; gRPC flow control then holds the server. */
const BUFFERED_BATCHES = 10;

export interface EsdbSubscriptionSource {
  /** Opens a server subscription to $all that delivers the events strictly after `after`. */
  open(after: Position | 'start'): AllStreamSubscription;
  /** The port's view of a delivered event, or null for one the port does not show. */
  toEvent(resolved: AllStreamResolvedEvent): RecordedEvent | null;
}

interface Connection {
  readonly stream: AllStreamSubscription;
  detach(): void;
}

/**
 * A catch-up subscription to $all that outlives dropped connections: it resubscribes after the
 * last event it received, with exponential backoff, and drops anything at or before that event,
 * so no event is skipped or repeated. Received events wait in a bounded buffer; while it is full
 * the client's stream is paused, so a slow consumer slows the server instead of filling memory.
 */
export class EsdbSubscription implements EventSubscription {
  private readonly buffer: RecordedEvent[] = [];
  private readonly highWater: number;
  private after: Position | 'start';
  private connection: Connection | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private started = false;
  private closing: Promise<void> | null = null;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly source: EsdbSubscriptionSource,
    from: Position | 'start',
    private readonly maxBatchSize: number,
    private readonly lingerMs: number,
    private readonly onClosed: (subscription: EsdbSubscription) => void,
  ) {
    this.after = from;
    this.highWater = maxBatchSize * BUFFERED_BATCHES;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<readonly RecordedEvent[]> {
    if (!this.started) {
      this.started = true;
      this.connect();
    }
    try {
      while (this.closing === null) {
        if (this.failure) throw this.failure;
        if (this.buffer.length === 0) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          // Let what arrives right after join the batch (see SubscribeOptions.lingerMs).
          if (this.lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
          continue;
        }
        const batch = this.buffer.splice(0, this.maxBatchSize);
        if (this.buffer.length <= this.highWater / 2) this.connection?.stream.resume();
        yield batch;
      }
    } finally {
      await this.close();
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const connection = this.connection;
    this.connection = null;
    this.buffer.length = 0;
    this.notify();
    this.onClosed(this);
    if (connection) await release(connection);
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.closing) return;
    let stream: AllStreamSubscription;
    try {
      stream = this.source.open(this.after);
    } catch (error) {
      this.fail(error);
      return;
    }
    const onData = (resolved: AllStreamResolvedEvent): void => this.receive(resolved);
    const onConfirmation = (): void => {
      this.retryMs = FIRST_RETRY_MS;
    };
    const onError = (error: Error): void => this.dropped(connection, error);
    const onEnd = (): void => this.dropped(connection, null);
    const connection: Connection = {
      stream,
      detach: () => {
        stream.removeListener('data', onData);
        stream.removeListener('confirmation', onConfirmation);
        stream.removeListener('error', onError);
        stream.removeListener('end', onEnd);
        stream.removeListener('close', onEnd);
      },
    };
    this.connection = connection;
    stream.on('data', onData);
    stream.on('confirmation', onConfirmation);
    stream.on('error', onError);
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    if (this.buffer.length >= this.highWater) stream.pause();
  }

  private receive(resolved: AllStreamResolvedEvent): void {
    const event = this.source.toEvent(resolved);
    if (!event) return;
    // A resubscription may start at the last event received: never deliver it twice.
    if (this.after !== 'start' && comparePositions(event.position, this.after) <= 0) return;
    this.after = event.position;
    this.buffer.push(event);
    if (this.buffer.length >= this.highWater) this.connection?.stream.pause();
    this.notify();
  }

  private dropped(connection: Connection, error: Error | null): void {
    if (this.connection !== connection) return;
    this.connection = null;
    void release(connection);
    if (this.closing) return;
    if (error instanceof AccessDeniedError) {
      // A missing permission does not come back by retrying: fail the consumer instead.
      this.fail(error);
      return;
    }
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

async function release(connection: Connection): Promise<void> {
  connection.detach();
  // A stream being let go may still report its cancellation or its earlier failure: ignore both.
  connection.stream.on('error', () => undefined);
  await connection.stream.unsubscribe().catch(() => undefined);
  connection.stream.destroy();
}
