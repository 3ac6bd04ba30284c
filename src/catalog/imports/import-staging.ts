import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../../shared/config/app-config';
import { IMPORT_STAGING, type ImportStaging } from './import-staging.port';
import { MongoImportStaging } from './mongo-import-staging';
import { SqliteImportStaging } from './sqlite-import-staging';

/** Reviews wait where the read models are: MongoDB when they are there, else a file in DATA_DIR. */
export async function openImportStaging(
  config: Pick<AppConfig, 'dataDir' | 'readStore'>,
): Promise<ImportStaging> {
  return config.readStore.kind === 'mongodb'
    ? MongoImportStaging.connect({ url: config.readStore.url })
    : new SqliteImportStaging(join(config.dataDir, 'catalog-imports.sqlite'));
}

@Injectable()
export class ImportStagingLifecycle implements OnApplicationShutdown {
  constructor(@Inject(IMPORT_STAGING) private readonly staging: ImportStaging) {}

  async onApplicationShutdown(): Promise<void> {
    await this.staging.close();
  }
}
