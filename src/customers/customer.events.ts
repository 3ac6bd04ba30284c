import type { DomainEvent } from '../shared/domain/decider';

export interface CustomerDetails {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export type CustomerRegistered = DomainEvent<
  'CustomerRegistered',
  CustomerDetails & { readonly customerId: string }
>;
export type CustomerDetailsChanged = DomainEvent<
  'CustomerDetailsChanged',
  {
    readonly customerId: string;
    readonly changes: Partial<CustomerDetails>;
    readonly previous: Partial<CustomerDetails>;
  }
>;

export type CustomerEvent = CustomerRegistered | CustomerDetailsChanged;
