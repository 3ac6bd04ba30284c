import type { Decider } from '../shared/domain/decider';
import type { SessionFamilyCommand } from './session-family.commands';
import type { SessionFamilyEvent } from './session-family.events';

/**
 * A chain of refresh tokens. Signing in starts one at generation 0 without an event (the sign-in
 * is recorded); the first refresh opens the stream.
 */
export type SessionFamilyState =
  | { readonly status: 'fresh' }
  | { readonly status: 'active'; readonly generation: number; readonly tokenId: string }
  | { readonly status: 'ended' };

export const sessionFamilyDecider: Decider<
  SessionFamilyCommand,
  SessionFamilyEvent,
  SessionFamilyState
> = {
  initialState: { status: 'fresh' },

  evolve(_state, event) {
    switch (event.type) {
      case 'SessionRefreshed':
        return {
          status: 'active',
          generation: event.data.generation,
          tokenId: event.data.tokenId,
        };
      case 'SessionFamilyEnded':
        return { status: 'ended' };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },

  /** The next token when the one presented is the chain's latest; otherwise the chain ends. */
  decide(command, state) {
    if (state.status === 'ended') return [];
    const { familyId, userId, generation, tokenId } = command;
    const latest =
      state.status === 'fresh'
        ? generation === 0
        : generation === state.generation && tokenId === state.tokenId;
    if (!latest) {
      return [
        {
          type: 'SessionFamilyEnded',
          data: { familyId, userId, reason: 'refresh-token-reused', reusedGeneration: generation },
        },
      ];
    }
    return [
      {
        type: 'SessionRefreshed',
        data: { familyId, userId, generation: generation + 1, tokenId: command.nextTokenId },
      },
    ];
  },
};
