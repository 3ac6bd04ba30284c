import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { MongoReadModelStore } from '../../src/shared/readmodels/mongo-read-model-store';
import type { ReadModelStore } from '../../src/shared/readmodels/read-model-store.port';
import { SqliteReadModelStore } from '../../src/shared/readmodels/sqlite-read-model-store';
import { tempDir } from './temp-dir';

export interface ReadModelStoreUnderTest {
  readonly store: ReadModelStore;
  dispose(): Promise<void>;
}

/** A SQLite read store in a folder of its own, removed on dispose. */
export async function openSqliteReadModelStore(): Promise<ReadModelStoreUnderTest> {
  const dir = tempDir();
  const store = new SqliteReadModelStore({ file: join(dir.path, 'read-models.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
}

/** MongoDB when MONGODB_URL names a server, else the reason the suite is skipped. */
export function mongoReadModelStore(): (() => Promise<ReadModelStoreUnderTest>) | { skip: string } {
  const url = process.env.MONGODB_URL;
  if (!url) return { skip: 'MONGODB_URL is not set' };
  return async () => {
    // A database of its own per run, so runs sharing a server never see each other.
    const database = `backorder_ledger_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await MongoReadModelStore.connect({ url, database });
    return {
      store,
      dispose: async () => {
        await store.close();
        const client = await MongoClient.connect(url);
        try {
          await client.db(database).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  };
}
