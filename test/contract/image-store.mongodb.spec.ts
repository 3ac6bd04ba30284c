import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { GridfsImageStore } from '../../src/shared/images/gridfs-image-store';
import { describeImageStoreContract } from './image-store.contract';

const url = process.env.MONGODB_URL;

describeImageStoreContract(
  'mongodb gridfs',
  url
    ? async () => {
        // A database of its own per run, so runs sharing a server never see each other.
        const database = `backorder_ledger_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        const store = await GridfsImageStore.connect({ url, database });
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
