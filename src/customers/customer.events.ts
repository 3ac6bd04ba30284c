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

/** The customer buys tax-free (a reseller or exempt body); the reference names its certificate. */
export type CustomerTaxExemptionRecorded = DomainEvent<
  'CustomerTaxExemptionRecorded',
  { readonly customerId: string; readonly reference: string }
>;
export type CustomerTaxExemptionRevoked = DomainEvent<
  'CustomerTaxExemptionRevoked',
  { readonly customerId: string; readonly reason: string }
>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerDetailsChanged
  | CustomerTaxExemptionRecorded
  | CustomerTaxExemptionRevoked;
