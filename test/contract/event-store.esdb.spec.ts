import { EsdbEventStore } from '../../src/shared/eventstore/esdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

// Runs against a live server only, e.g. esdb://admin:changeit@localhost:2113?tls=false
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

describeEventStoreContract(
  'esdb',
  connectionString
    ? async () => {
        const store = new EsdbEventStore({ connectionString });
        return { store, dispose: () => store.close() };
      }
    : { skip: 'EVENTSTORE_CONNECTION_STRING is not set' },
);
