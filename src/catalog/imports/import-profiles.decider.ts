import type { Decider } from '../../shared/domain/decider';
import type { ImportProfile } from './import-profile';
import type { ImportProfileCommand } from './import-profile.commands';
import type { ImportProfileEvent } from './import-profile.events';

/** One vendor's saved sheet layouts, by name. */
export interface ImportProfilesState {
  readonly profiles: Readonly<Record<string, ImportProfile>>;
}

export const importProfilesDecider: Decider<
  ImportProfileCommand,
  ImportProfileEvent,
  ImportProfilesState
> = {
  initialState: { profiles: {} },

  evolve(state, event) {
    const { profile } = event.data;
    return { profiles: { ...state.profiles, [profile.name]: profile } };
  },

  decide(command, state) {
    const previous = state.profiles[command.profile.name] ?? null;
    // Saving the layout the vendor already has is no change.
    if (previous && JSON.stringify(previous) === JSON.stringify(command.profile)) return [];
    return [
      {
        type: 'ImportProfileSaved',
        data: { vendorId: command.vendorId, profile: command.profile, previous },
      },
    ];
  },
};
