import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import { ChangeVendorTerms, RegisterVendor, type VendorCommand } from './vendor.commands';
import { vendorDecider } from './vendor.decider';

export const vendorCommandHandlers = handlersFor(
  vendorDecider,
  (command: VendorCommand) => streams.vendor(command.vendorId),
  [RegisterVendor, ChangeVendorTerms],
);
