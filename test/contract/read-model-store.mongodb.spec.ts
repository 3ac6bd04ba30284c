import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadModelStore } from '../../src/shared/readmodels/mongo-read-model-store';
import { describeReadModelStoreContract } from './read-model-store.contract';

const url = process.env.MONGODB_URL;

describeReadModelStoreContract(
  'mongodb',
  url
    ? async () => {
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
      }
    : { skip: 'MONGODB_URL is not set' },
);
