/**
 * A sign-in's chain of refresh tokens. Each refresh token is good for one refresh, which hands out
 * the next; a token used twice means someone else holds a copy, and the whole chain ends.
 */
export type SessionFamilyEvent =
  | {
      readonly type: 'SessionRefreshed';
      readonly data: {
        readonly familyId: string;
        readonly userId: string;
        /** How many refreshes the chain has had, this one included. */
        readonly generation: number;
        /** The id (jti) of the refresh token handed out: the only one the next refresh takes. */
        readonly tokenId: string;
      };
    }
  | {
      readonly type: 'SessionFamilyEnded';
      readonly data: {
        readonly familyId: string;
        readonly userId: string;
        readonly reason: 'refresh-token-reused';
        /** The generation of the token presented again. */
        readonly reusedGeneration: number;
      };
    };
