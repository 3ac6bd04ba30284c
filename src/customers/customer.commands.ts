import type { CommandContext } from '../shared/commands/command-context';
import type { CustomerDetails } from './customer.events';

export class RegisterCustomer {
  readonly kind = 'RegisterCustomer';

  constructor(
    readonly customerId: string,
    readonly details: CustomerDetails,
    readonly context: CommandContext,
  ) {}
}

export class ChangeCustomerDetails {
  readonly kind = 'ChangeCustomerDetails';

  constructor(
    readonly customerId: string,
    readonly changes: Partial<CustomerDetails>,
    readonly context: CommandContext,
  ) {}
}

export class RecordTaxExemption {
  readonly kind = 'RecordTaxExemption';

  constructor(
    readonly customerId: string,
    readonly reference: string,
    readonly context: CommandContext,
  ) {}
}

export class RevokeTaxExemption {
  readonly kind = 'RevokeTaxExemption';

  constructor(
    readonly customerId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

export type CustomerCommand =
  RegisterCustomer | ChangeCustomerDetails | RecordTaxExemption | RevokeTaxExemption;
