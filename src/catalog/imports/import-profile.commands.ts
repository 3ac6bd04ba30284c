import type { CommandContext } from '../../shared/commands/command-context';
import type { ImportProfile } from './import-profile';

export class SaveImportProfile {
  readonly kind = 'SaveImportProfile';

  constructor(
    readonly vendorId: string,
    readonly profile: ImportProfile,
    readonly context: CommandContext,
  ) {}
}

export type ImportProfileCommand = SaveImportProfile;
