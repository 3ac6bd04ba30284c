import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EsdbEventStore } from './esdb-event-store';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

export function openEventStore(config: AppConfig['eventStore']): EventStore {
  return config.kind === 'sqlite'
    ? new SqliteEventStore({ file: config.file, audit: config.audit })
    : new EsdbEventStore({ connectionString: config.connectionString });
}

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openEventStore(config.eventStore),
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
