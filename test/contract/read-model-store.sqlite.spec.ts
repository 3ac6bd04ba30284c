import { openSqliteReadModelStore } from '../support/read-model-stores';
import { describeReadModelStoreContract } from './read-model-store.contract';

describeReadModelStoreContract('sqlite', openSqliteReadModelStore);
