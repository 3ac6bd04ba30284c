import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { CustomerCommand } from './customer.commands';
import type { CustomerDetails, CustomerEvent } from './customer.events';

export type CustomerState =
  | { readonly status: 'unknown' }
  | ({
      readonly status: 'registered';
      readonly customerId: string;
      /** The exemption certificate's reference while the customer buys tax-free. */
      readonly taxExemption?: string | null;
    } & CustomerDetails);

const FIELDS: readonly (keyof CustomerDetails)[] = ['name', 'phone', 'email'];

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState: { status: 'unknown' },

  evolve(state, event) {
    switch (event.type) {
      case 'CustomerRegistered':
        return { status: 'registered', ...event.data };
      case 'CustomerDetailsChanged':
        return state.status === 'registered' ? { ...state, ...event.data.changes } : state;
      case 'CustomerTaxExemptionRecorded':
        return state.status === 'registered'
          ? { ...state, taxExemption: event.data.reference }
          : state;
      case 'CustomerTaxExemptionRevoked':
        return state.status === 'registered' ? { ...state, taxExemption: null } : state;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'RegisterCustomer': {
        if (state.status === 'registered') {
          if (FIELDS.every((f) => state[f] === command.details[f])) return [];
          throw new BusinessRuleViolation(
            'customer-already-registered',
            `customer ${command.customerId} is already registered`,
          );
        }
        return [
          {
            type: 'CustomerRegistered',
            data: { customerId: command.customerId, ...command.details },
          },
        ];
      }
      case 'ChangeCustomerDetails': {
        if (state.status !== 'registered')
          throw new UnknownEntityError('customer', command.customerId);
        const changed = FIELDS.filter(
          (f) => command.changes[f] !== undefined && command.changes[f] !== state[f],
        );
        if (changed.length === 0) return [];
        return [
          {
            type: 'CustomerDetailsChanged',
            data: {
              customerId: command.customerId,
              changes: Object.fromEntries(changed.map((f) => [f, command.changes[f]])),
              previous: Object.fromEntries(changed.map((f) => [f, state[f]])),
            },
          },
        ];
      }
      case 'RecordTaxExemption': {
        if (state.status !== 'registered')
          throw new UnknownEntityError('customer', command.customerId);
        if (state.taxExemption === command.reference) return [];
        return [
          {
            type: 'CustomerTaxExemptionRecorded',
            data: { customerId: command.customerId, reference: command.reference },
          },
        ];
      }
      case 'RevokeTaxExemption': {
        if (state.status !== 'registered')
          throw new UnknownEntityError('customer', command.customerId);
        if (!state.taxExemption) return [];
        return [
          {
            type: 'CustomerTaxExemptionRevoked',
            data: { customerId: command.customerId, reason: command.reason },
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
