import { join } from 'node:path';
import { SqliteImportStaging } from '../../src/catalog/imports/sqlite-import-staging';
import { tempDir } from '../support/temp-dir';
import { describeImportStagingContract } from './import-staging.contract';

describeImportStagingContract('sqlite', async () => {
  const dir = tempDir();
  const staging = new SqliteImportStaging(join(dir.path, 'catalog-imports.sqlite'));
  return {
    staging,
    dispose: async () => {
      await staging.close();
      dir.remove();
    },
  };
});
