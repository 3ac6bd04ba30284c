import type { CommandContext } from '../shared/commands/command-context';
import type { Role } from './roles';

export class IssueApiKey {
  readonly kind = 'IssueApiKey';

  constructor(
    readonly keyId: string,
    readonly name: string,
    readonly roles: readonly Role[],
    readonly secretHash: string,
    readonly context: CommandContext,
  ) {}
}

export class RevokeApiKey {
  readonly kind = 'RevokeApiKey';

  constructor(
    readonly keyId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

export type ApiKeyCommand = IssueApiKey | RevokeApiKey;
