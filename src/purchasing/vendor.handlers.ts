import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
import { streams } from '../shared/eventstore/stream-names';
import { ChangeVendorTerms, RegisterVendor, type VendorCommand } from './vendor.commands';
import { vendorDecider, type VendorState } from './vendor.decider';
import type { VendorEvent } from './vendor.events';

@Injectable()
abstract class VendorCommandHandler extends DeciderCommandHandler<
  VendorCommand,
  VendorEvent,
  VendorState
> {
  protected readonly decider = vendorDecider;

  protected streamOf(command: VendorCommand): string {
    return streams.vendor(command.vendorId);
  }
}

@CommandHandler(RegisterVendor)
export class RegisterVendorHandler extends VendorCommandHandler {}

@CommandHandler(ChangeVendorTerms)
export class ChangeVendorTermsHandler extends VendorCommandHandler {}
