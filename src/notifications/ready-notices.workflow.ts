import type {
  BackorderLineLinkedToStock,
  BackorderLineSubstitutionAccepted,
  BackorderLineUnitsSetAside,
} from '../backorders/backorder.events';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineWorkflow, reactionContext, stateless } from '../shared/reactors/workflow';
import { SendReadyNotices } from './ready-notices.commands';

type Trigger = RecordedEvent &
  (BackorderLineUnitsSetAside | BackorderLineLinkedToStock | BackorderLineSubstitutionAccepted);

const NAME = 'ready-notices';

/** When units are held for a customer, a line may now be complete: the customer is told. */
export const readyNoticesWorkflow = defineWorkflow<Trigger, null>({
  ...stateless,
  name: NAME,
  eventTypes: [
    'BackorderLineUnitsSetAside',
    'BackorderLineLinkedToStock',
    'BackorderLineSubstitutionAccepted',
  ],
  decide: (event) => [
    {
      key: `backorder:${event.data.backorderId}`,
      command: new SendReadyNotices(event.data.backorderId, reactionContext(event, NAME)),
    },
  ],
});
