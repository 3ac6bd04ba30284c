import { ResolveSubstitution } from '../purchasing/purchase-order.commands';
import type { RecordedEvent } from '../shared/eventstore/event-envelope';
import { defineWorkflow, reactionContext, stateless } from '../shared/reactors/workflow';
import type {
  BackorderLineSubstitutionAccepted,
  BackorderLineSubstitutionRejected,
} from './backorder.events';

type Trigger = RecordedEvent &
  (BackorderLineSubstitutionAccepted | BackorderLineSubstitutionRejected);

const NAME = 'substitution-resolution';

/** The customer's answer to a substitute settles the PO: accepted units count as received. */
export const substitutionResolutionWorkflow = defineWorkflow<Trigger, null>({
  ...stateless,
  name: NAME,
  eventTypes: ['BackorderLineSubstitutionAccepted', 'BackorderLineSubstitutionRejected'],
  decide: (event) => [
    {
      key: `po:${event.data.poId}`,
      command: new ResolveSubstitution(
        event.data.poId,
        event.data.receiptId,
        event.data.allocationId,
        event.type === 'BackorderLineSubstitutionAccepted',
        reactionContext(event, NAME),
      ),
    },
  ],
});
