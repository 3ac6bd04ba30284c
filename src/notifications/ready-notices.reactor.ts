import type {
  BackorderLineLinkedToStock,
  BackorderLineSubstitutionAccepted,
  BackorderLineUnitsSetAside,
} from '../backorders/backorder.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineReactor, reactionContext } from '../shared/reactors/reactor-definition';
import { SendReadyNotices } from './send-ready-notices';

type Trigger = RecordedEvent &
  (BackorderLineUnitsSetAside | BackorderLineLinkedToStock | BackorderLineSubstitutionAccepted);

const NAME = 'ready-notices';

/** When units are held for a customer, a line may now be complete: the customer is told. */
export const readyNoticesReactor = defineReactor<Trigger>({
  name: NAME,
  eventTypes: [
    'BackorderLineUnitsSetAside',
    'BackorderLineLinkedToStock',
    'BackorderLineSubstitutionAccepted',
  ],
  react: (event) => [
    {
      key: `backorder:${event.data.backorderId}`,
      command: new SendReadyNotices(event.data.backorderId, reactionContext(event, NAME)),
    },
  ],
});
