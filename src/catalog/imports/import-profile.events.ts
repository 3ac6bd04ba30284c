import type { DomainEvent } from '../../shared/domain/decider';
import type { ImportProfile } from './import-profile';

/** A vendor's sheet layout, saved for its next sheet; `previous` is null for a new name. */
export type ImportProfileSaved = DomainEvent<
  'ImportProfileSaved',
  {
    readonly vendorId: string;
    readonly profile: ImportProfile;
    readonly previous: ImportProfile | null;
  }
>;

export type ImportProfileEvent = ImportProfileSaved;
