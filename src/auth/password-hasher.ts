import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** Hashed for every unknown username, so that a refusal takes as long whether or not it exists. */
const DECOY = argon2.hash('not a password anyone has');

/** Passwords are kept as argon2id hashes (the library's defaults follow the OWASP advice). */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await DECOY), password);
    } catch {
      // A malformed stored hash is a refusal, not a server error.
      return false;
    }
  }

  /** A one-time password someone can read out and type: 20 characters of base64url. */
  oneTimePassword(): string {
    return randomBytes(15).toString('base64url');
  }
}
