import type { Role } from './roles';

export type ApiKeyEvent =
  | {
      readonly type: 'ApiKeyIssued';
      readonly data: {
        readonly keyId: string;
        /** What the integration is, e.g. "web shop sync"; it names the actor of its events. */
        readonly name: string;
        readonly roles: readonly Role[];
        /** sha256 of the key's secret part: the key itself is shown once and never stored. */
        readonly secretHash: string;
      };
    }
  | {
      readonly type: 'ApiKeyRevoked';
      readonly data: { readonly keyId: string; readonly reason: string };
    };
