import type { Role } from './roles';

/** Why a sign-in was refused; the client is only ever told "wrong username or password". */
export type LoginRefusal = 'unknown-user' | 'wrong-password' | 'disabled';

export type UserEvent =
  | {
      readonly type: 'UserCreated';
      readonly data: {
        readonly userId: string;
        readonly username: string;
        readonly displayName: string;
        readonly roles: readonly Role[];
        /** An argon2id hash, never the password. */
        readonly passwordHash: string;
        /** A one-time password: it must be replaced at the first sign-in. */
        readonly mustChangePassword: boolean;
      };
    }
  | {
      readonly type: 'UserPasswordChanged';
      readonly data: {
        readonly userId: string;
        readonly passwordHash: string;
        readonly mustChangePassword: boolean;
        /** `self` when the user chose it, `reset` when an admin issued a one-time password. */
        readonly how: 'self' | 'reset';
      };
    }
  | {
      readonly type: 'UserRolesChanged';
      readonly data: {
        readonly userId: string;
        readonly from: readonly Role[];
        readonly to: readonly Role[];
      };
    }
  | {
      readonly type: 'UserDisabled';
      readonly data: { readonly userId: string; readonly reason: string };
    }
  | { readonly type: 'UserEnabled'; readonly data: { readonly userId: string } }
  | { readonly type: 'UserLoggedIn'; readonly data: { readonly userId: string } }
  | {
      readonly type: 'UserLoginFailed';
      readonly data: {
        readonly userId: string;
        /** Trimmed and lowercased, at most 128 characters: the stream of an unknown name records it too. */
        readonly username: string;
        readonly reason: LoginRefusal;
      };
    };
