import { RefreshSession } from '../../../src/auth/session-family.commands';
import {
  sessionFamilyDecider,
  type SessionFamilyState,
} from '../../../src/auth/session-family.decider';

const context = { actor: 'erin', correlationId: 'c', causationId: 'c' };
const refresh = (generation: number, tokenId: string, nextTokenId: string) =>
  new RefreshSession('family-1', 'user-1', generation, tokenId, nextTokenId, context);
const after = (state: SessionFamilyState, command: RefreshSession) =>
  sessionFamilyDecider.decide(command, state).reduce(sessionFamilyDecider.evolve, state);

describe('session family', () => {
  it('rotates: each refresh takes only the latest token and hands out the next', () => {
    const first = after(sessionFamilyDecider.initialState, refresh(0, 'sign-in', 't1'));
    expect(first).toEqual({ status: 'active', generation: 1, tokenId: 't1' });
    expect(after(first, refresh(1, 't1', 't2'))).toEqual({
      status: 'active',
      generation: 2,
      tokenId: 't2',
    });
  });

  it('ends the family when a spent token comes back', () => {
    const active = after(sessionFamilyDecider.initialState, refresh(0, 'sign-in', 't1'));
    expect(sessionFamilyDecider.decide(refresh(0, 'sign-in', 'x'), active)).toEqual([
      {
        type: 'SessionFamilyEnded',
        data: {
          familyId: 'family-1',
          userId: 'user-1',
          reason: 'refresh-token-reused',
          reusedGeneration: 0,
        },
      },
    ]);
    const ended = after(active, refresh(0, 'sign-in', 'x'));
    expect(ended).toEqual({ status: 'ended' });
    // Nothing more happens to an ended family, the latest token included.
    expect(sessionFamilyDecider.decide(refresh(1, 't1', 'y'), ended)).toEqual([]);
  });

  it('treats a token claiming a later place in a fresh family as reuse', () => {
    expect(
      sessionFamilyDecider.decide(refresh(3, 'forged', 'x'), sessionFamilyDecider.initialState)[0]
        .type,
    ).toBe('SessionFamilyEnded');
  });
});
