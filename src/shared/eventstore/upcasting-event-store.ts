import type { Position, RecordedEvent } from './event-envelope';
import type {
  EventStore,
  EventSubscription,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
} from './event-store.port';
import type { EventVersions } from './event-versions';

/**
 * The event store as every reader sees it: each event read (a stream, the log, a subscription)
 * comes up to its type's current version. Writes and capabilities pass through untouched.
 */
export class UpcastingEventStore implements EventStore {
  readonly onAppended?: (listener: () => void) => void;
  readonly wakeSubscriptions?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly versions: EventVersions,
  ) {
    if (store.onAppended) this.onAppended = (listener) => store.onAppended!(listener);
    if (store.wakeSubscriptions) this.wakeSubscriptions = () => store.wakeSubscriptions!();
  }

  append(...args: Parameters<EventStore['append']>) {
    return this.store.append(...args);
  }

  appendAll(appends: readonly StreamAppend[]) {
    return this.store.appendAll(appends);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.store.readStream(stream, options)).map((e) => this.versions.upcast(e));
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.store.readAll(options)) yield this.versions.upcast(event);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    const subscription = this.store.subscribeToAll(options);
    const versions = this.versions;
    return {
      close: () => subscription.close(),
      async *[Symbol.asyncIterator]() {
        for await (const batch of subscription) yield batch.map((e) => versions.upcast(e));
      },
    };
  }

  head() {
    return this.store.head();
  }

  countAfter(position: Position | 'start', cap: number) {
    return this.store.countAfter(position, cap);
  }

  ping() {
    return this.store.ping();
  }

  close() {
    return this.store.close();
  }
}
