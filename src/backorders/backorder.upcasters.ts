import type { EventVersion } from '../shared/eventstore/event-versions';
import type { BackorderLineSubstitutionAccepted } from './backorder.events';

type AcceptedV1 = Omit<BackorderLineSubstitutionAccepted['data'], 'reason'>;

/**
 * Older shapes of backorder events, brought up to date on every read. Version 2 of an accepted
 * substitution keeps the staff member's reason; version 1 dropped it, so it reads as null.
 */
export const backorderEventVersions: readonly EventVersion[] = [
  {
    type: 'BackorderLineSubstitutionAccepted',
    current: 2,
    upcasters: {
      1: (data: AcceptedV1): BackorderLineSubstitutionAccepted['data'] => ({
        ...data,
        reason: null,
      }),
    },
  },
];
