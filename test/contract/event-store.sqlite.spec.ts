import { join } from 'node:path';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { tempDir } from '../support/temp-dir';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('sqlite', async () => {
  const dir = tempDir();
  const store = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
});
