import { handlersFor } from '../../shared/commands/handlers-for';
import { streams } from '../../shared/eventstore/stream-names';
import { type ImportProfileCommand, SaveImportProfile } from './import-profile.commands';
import { importProfilesDecider } from './import-profiles.decider';

export const importProfilesCommandHandlers = handlersFor(
  importProfilesDecider,
  (command: ImportProfileCommand) => streams.importProfiles(command.vendorId),
  [SaveImportProfile],
);
