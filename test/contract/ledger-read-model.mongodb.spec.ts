import { mongoReadModelStore } from '../support/read-model-stores';
import { describeLedgerReadModelContract } from './ledger-read-model.contract';

describeLedgerReadModelContract('mongodb', mongoReadModelStore());
