import { mongoReadModelStore } from '../support/read-model-stores';
import { describeReadModelStoreContract } from './read-model-store.contract';

describeReadModelStoreContract('mongodb', mongoReadModelStore());
