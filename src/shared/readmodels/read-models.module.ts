import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MongoReadModelStore } from './mongo-read-model-store';
import { READ_MODEL_STORE, type ReadModelStore } from './read-model-store.port';
import { SqliteReadModelStore } from './sqlite-read-model-store';

export async function openReadModelStore(config: AppConfig['readStore']): Promise<ReadModelStore> {
  return config.kind === 'sqlite'
    ? new SqliteReadModelStore({ file: config.file })
    : MongoReadModelStore.connect({ url: config.url });
}

@Injectable()
class ReadModelStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openReadModelStore(config.readStore),
    },
    ReadModelStoreLifecycle,
  ],
  exports: [READ_MODEL_STORE],
})
export class ReadModelsModule {}
