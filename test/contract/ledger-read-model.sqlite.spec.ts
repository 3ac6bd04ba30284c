import { join } from 'node:path';
import { SqliteReadModelStore } from '../../src/shared/readmodels/sqlite-read-model-store';
import { tempDir } from '../support/temp-dir';
import { describeLedgerReadModelContract } from './ledger-read-model.contract';

describeLedgerReadModelContract('sqlite', async () => {
  const dir = tempDir();
  const store = new SqliteReadModelStore({ file: join(dir.path, 'read-models.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
});
