import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { VendorCommand } from './vendor.commands';
import type { VendorEvent, VendorProfile } from './vendor.events';

export type VendorState =
  | { readonly status: 'unregistered' }
  | ({ readonly status: 'registered'; readonly vendorId: string } & VendorProfile);

export const vendorDecider: Decider<VendorCommand, VendorEvent, VendorState> = {
  initialState: { status: 'unregistered' },

  evolve(state, event) {
    switch (event.type) {
      case 'VendorRegistered':
        return { status: 'registered', ...event.data };
      case 'VendorTermsChanged':
        if (state.status !== 'registered') return state;
        return {
          ...state,
          leadTimeDays: event.data.leadTimeDays,
          consolidation: event.data.consolidation,
        };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'RegisterVendor': {
        if (state.status === 'registered') {
          if (sameProfile(state, command.profile)) return [];
          throw new BusinessRuleViolation(
            'vendor-already-registered',
            `vendor ${command.vendorId} is already registered as ${state.name}`,
          );
        }
        return [
          { type: 'VendorRegistered', data: { vendorId: command.vendorId, ...command.profile } },
        ];
      }
      case 'ChangeVendorTerms': {
        if (state.status !== 'registered') throw new UnknownEntityError('vendor', command.vendorId);
        const leadTimeDays = command.terms.leadTimeDays ?? state.leadTimeDays;
        const consolidation = command.terms.consolidation ?? state.consolidation;
        if (leadTimeDays === state.leadTimeDays && consolidation === state.consolidation) return [];
        return [
          {
            type: 'VendorTermsChanged',
            data: {
              vendorId: command.vendorId,
              leadTimeDays,
              consolidation,
              previous: { leadTimeDays: state.leadTimeDays, consolidation: state.consolidation },
            },
          },
        ];
      }
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};

function sameProfile(a: VendorProfile, b: VendorProfile): boolean {
  return (
    a.name === b.name &&
    a.leadTimeDays === b.leadTimeDays &&
    a.consolidation === b.consolidation &&
    a.email === b.email &&
    a.phone === b.phone
  );
}
