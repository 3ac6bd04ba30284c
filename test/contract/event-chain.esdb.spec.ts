import { EsdbChainSource } from '../../src/audit/esdb-chain-source';
import { EsdbEventStore } from '../../src/shared/eventstore/esdb-event-store';
import { describeEventChainContract } from './event-chain.contract';

// Runs against a live server only, e.g. esdb://admin:changeit@localhost:2113?tls=false
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

describeEventChainContract(
  'esdb',
  connectionString
    ? async () => {
        const store = new EsdbEventStore({ connectionString });
        return { store, source: () => new EsdbChainSource(store), dispose: () => store.close() };
      }
    : { skip: 'EVENTSTORE_CONNECTION_STRING is not set' },
);
