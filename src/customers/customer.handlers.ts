import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import { ChangeCustomerDetails, type CustomerCommand, RegisterCustomer } from './customer.commands';
import { customerDecider } from './customer.decider';

export const customerCommandHandlers = handlersFor(
  customerDecider,
  (command: CustomerCommand) => streams.customer(command.customerId),
  [RegisterCustomer, ChangeCustomerDetails],
);
