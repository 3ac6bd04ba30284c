import { handlersFor } from '../shared/commands/handlers-for';
import { streams } from '../shared/eventstore/stream-names';
import {
  ChangePassword,
  ChangeRoles,
  CreateUser,
  DisableUser,
  EnableUser,
  RecordLogin,
  type UserCommand,
} from './user.commands';
import { userDecider } from './user.decider';

const streamOf = (command: UserCommand) => streams.user(command.userId);

export const userCommandHandlers = [
  ...handlersFor(userDecider, streamOf, [
    CreateUser,
    ChangePassword,
    ChangeRoles,
    DisableUser,
    EnableUser,
  ]),
  // Sign-ins of one user may race; recording them must not turn one into a 409.
  ...handlersFor(userDecider, streamOf, [RecordLogin], { attempts: 5 }),
];
