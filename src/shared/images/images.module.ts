import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FilesystemImageStore } from './filesystem-image-store';
import { GridfsImageStore } from './gridfs-image-store';
import { IMAGE_STORE, type ImageStore } from './image-store.port';

/**
 * Images live beside the read models: in GridFS when those are in MongoDB (every server of a
 * distributed setup sees the same pictures), otherwise as files under DATA_DIR.
 */
export async function openImageStore(
  config: Pick<AppConfig, 'dataDir' | 'readStore'>,
): Promise<ImageStore> {
  if (config.readStore.kind === 'mongodb') {
    return GridfsImageStore.connect({ url: config.readStore.url });
  }
  const store = new FilesystemImageStore(join(config.dataDir, 'images'));
  await store.removeLeftovers();
  return store;
}

@Injectable()
class ImageStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(IMAGE_STORE) private readonly store: ImageStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({
  providers: [
    {
      provide: IMAGE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openImageStore(config),
    },
    ImageStoreLifecycle,
  ],
  exports: [IMAGE_STORE],
})
export class ImageStoreModule {}
