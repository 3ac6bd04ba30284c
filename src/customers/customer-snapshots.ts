import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { streams } from '../shared/eventstore/stream-names';
import { customerDecider } from './customer.decider';
import type { CustomerDetails } from './customer.events';

/** A registered customer as other features see it. */
export type CustomerSnapshotOf = { readonly customerId: string } & CustomerDetails;

/** Customers for other features, read from the customer's stream: one registered a moment ago counts. */
@Injectable()
export class CustomerSnapshots {
  constructor(private readonly states: StreamStates) {}

  /** The customer, or null when no customer is registered under this id. */
  async registered(customerId: string): Promise<CustomerSnapshotOf | null> {
    const { state } = await this.states.load(customerDecider, streams.customer(customerId));
    if (state.status !== 'registered') return null;
    const { status: _status, ...customer } = state;
    return customer;
  }
}
