import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EsdbEventStore } from './esdb-event-store';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { EventVersions } from './event-versions';
import { SqliteEventStore } from './sqlite-event-store';
import { UpcastingEventStore } from './upcasting-event-store';

/** The configured store, reading every event in its type's current version. */
export function openEventStore(
  config: AppConfig['eventStore'],
  versions: EventVersions,
): EventStore {
  const store =
    config.kind === 'sqlite'
      ? new SqliteEventStore({ file: config.file, audit: config.audit })
      : new EsdbEventStore({ connectionString: config.connectionString });
  return new UpcastingEventStore(store, versions);
}

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The event log, with the application's event versions applied on every read. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(versions: EventVersions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EventVersions, useValue: versions },
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => openEventStore(config.eventStore, versions),
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, EventVersions],
    };
  }
}
