import { join } from 'node:path';
import { SqliteChainSource } from '../../src/audit/sqlite-chain-source';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { tempDir } from '../support/temp-dir';
import { describeEventChainContract } from './event-chain.contract';

describeEventChainContract('sqlite', async () => {
  const dir = tempDir();
  const file = join(dir.path, 'events.sqlite');
  const store = new SqliteEventStore({ file });
  return {
    store,
    source: () => new SqliteChainSource(file),
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
});
