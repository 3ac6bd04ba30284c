import type { CommandContext } from '../shared/commands/command-context';
import type { VendorProfile, VendorTerms } from './vendor.events';

/** Commands are plain classes: the CommandBus routes them by class, the decider reads their data. */
export class RegisterVendor {
  readonly kind = 'RegisterVendor';

  constructor(
    readonly vendorId: string,
    readonly profile: VendorProfile,
    readonly context: CommandContext,
  ) {}
}

export class ChangeVendorTerms {
  readonly kind = 'ChangeVendorTerms';

  constructor(
    readonly vendorId: string,
    readonly terms: Partial<VendorTerms>,
    readonly context: CommandContext,
  ) {}
}

export type VendorCommand = RegisterVendor | ChangeVendorTerms;
