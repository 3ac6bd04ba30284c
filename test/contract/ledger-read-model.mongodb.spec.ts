import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadModelStore } from '../../src/shared/readmodels/mongo-read-model-store';
import { describeLedgerReadModelContract } from './ledger-read-model.contract';

const url = process.env.MONGODB_URL;

describeLedgerReadModelContract(
  'mongodb',
  url
    ? async () => {
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
