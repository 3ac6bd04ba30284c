import type { CommandContext } from '../shared/commands/command-context';

/** A refresh token presented: its chain, its place in it, and the id of the token to hand out. */
export class RefreshSession {
  readonly kind = 'RefreshSession';

  constructor(
    readonly familyId: string,
    readonly userId: string,
    readonly generation: number,
    readonly tokenId: string,
    readonly nextTokenId: string,
    readonly context: CommandContext,
  ) {}
}

export type SessionFamilyCommand = RefreshSession;
