import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler } from '../shared/commands/decider-command-handler';
import { streams } from '../shared/eventstore/stream-names';
import {
  ChangeCustomerDetails,
  type CustomerCommand,
  RecordTaxExemption,
  RegisterCustomer,
  RevokeTaxExemption,
} from './customer.commands';
import { customerDecider, type CustomerState } from './customer.decider';
import type { CustomerEvent } from './customer.events';

@Injectable()
abstract class CustomerCommandHandler extends DeciderCommandHandler<
  CustomerCommand,
  CustomerEvent,
  CustomerState
> {
  protected readonly decider = customerDecider;

  protected streamOf(command: CustomerCommand): string {
    return streams.customer(command.customerId);
  }
}

@CommandHandler(RegisterCustomer)
export class RegisterCustomerHandler extends CustomerCommandHandler {}

@CommandHandler(ChangeCustomerDetails)
export class ChangeCustomerDetailsHandler extends CustomerCommandHandler {}

@CommandHandler(RecordTaxExemption)
export class RecordTaxExemptionHandler extends CustomerCommandHandler {}

@CommandHandler(RevokeTaxExemption)
export class RevokeTaxExemptionHandler extends CustomerCommandHandler {}
