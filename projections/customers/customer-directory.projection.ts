import type { CustomerDetails, CustomerEvent } from '../../src/customers/customer.events';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type CustomerRecordedEvent = RecordedEvent<CustomerEvent['type']> & CustomerEvent;

export interface CustomerListing {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly name: string;
  /** The name folded for sorting, so "de Vries" and "De Vries" sort together. */
  readonly sortName: string;
  readonly phone: string | null;
  /** Digits-only endings of the phone: found however it was typed, whole or by its last digits. */
  readonly phoneKeys: readonly string[];
  readonly email: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

/** The shortest phone ending that finds a customer: the last four digits staff ask for. */
export const SHORTEST_PHONE_KEY = 4;

export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}

export function phoneKeys(phone: string | null): string[] {
  const digits = phone ? phoneDigits(phone) : '';
  const keys: string[] = [];
  for (let length = digits.length; length >= SHORTEST_PHONE_KEY; length--) {
    keys.push(digits.slice(-length));
  }
  return keys;
}

/** Customers as the counter and the phone find them: by name, phone or email. */
export const customerDirectoryProjection = defineProjection<CustomerRecordedEvent>({
  name: 'customer_directory',
  version: 1,
  eventTypes: ['CustomerRegistered', 'CustomerDetailsChanged'],
  collections: [
    defineCollection<CustomerRecordedEvent, CustomerListing>({
      name: 'customers',
      indexes: [{ field: 'sortName' }],
      textFields: ['name', 'email', 'phoneKeys'],
      documentIds: (event) => [event.data.customerId],
      evolve: (customer, event) => {
        switch (event.type) {
          case 'CustomerRegistered': {
            const { customerId, ...details } = event.data;
            return {
              id: customerId,
              ...listed(details),
              registeredAt: event.metadata.occurredAt,
              updatedAt: event.metadata.occurredAt,
            };
          }
          case 'CustomerDetailsChanged':
            return (
              customer && {
                ...customer,
                ...listed({ ...customer, ...event.data.changes }),
                updatedAt: event.metadata.occurredAt,
              }
            );
          default:
            // Tax exemptions are read from the customer's stream when an invoice is made.
            return customer;
        }
      },
    }),
  ],
});

function listed({ name, phone, email }: CustomerDetails) {
  return {
    name,
    sortName: name.toLocaleLowerCase('en'),
    phone,
    phoneKeys: phoneKeys(phone),
    email,
  };
}
