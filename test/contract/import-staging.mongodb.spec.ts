import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoImportStaging } from '../../src/catalog/imports/mongo-import-staging';
import { describeImportStagingContract } from './import-staging.contract';

const url = process.env.MONGODB_URL;

describeImportStagingContract(
  'mongodb',
  url
    ? async () => {
        // A database of its own per run, so runs sharing a server never see each other.
        const database = `backorder_ledger_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        const staging = await MongoImportStaging.connect({ url, database });
        return {
          staging,
          dispose: async () => {
            await staging.close();
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
