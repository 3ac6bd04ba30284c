import { Injectable } from '@nestjs/common';
import { StreamStates } from '../shared/commands/stream-states';
import { UnknownEntityError } from '../shared/domain/domain-errors';
import { streams } from '../shared/eventstore/stream-names';
import { customerDecider } from './customer.decider';

export interface TaxStatus {
  readonly taxExempt: boolean;
  /** The exemption certificate, when exempt. */
  readonly exemptionReference: string | null;
}

/**
 * Whether a customer buys tax-free, read from the customer's own stream (an exemption recorded
 * a moment ago applies to the next invoice). The read port other features use for it.
 */
@Injectable()
export class CustomerTaxStatus {
  constructor(private readonly states: StreamStates) {}

  async of(customerId: string): Promise<TaxStatus> {
    const { state } = await this.states.load(customerDecider, streams.customer(customerId));
    if (state.status !== 'registered') throw new UnknownEntityError('customer', customerId);
    const reference = state.taxExemption ?? null;
    return { taxExempt: reference !== null, exemptionReference: reference };
  }
}
