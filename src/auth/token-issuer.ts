import { UnauthorizedException } from '@nestjs/common';
import { type JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { UserAccount } from './user.decider';

export interface TokenPair {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

interface TokenClaims {
  readonly sub: string;
  /** The user's session version when the token was made. */
  readonly sv: number;
  readonly typ: 'access' | 'refresh';
}

const ISSUER = 'backorder-ledger';

/** Short-lived access tokens and longer refresh tokens, both HS256 JWTs bound to a session version. */
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly lifetimes: { readonly accessSeconds: number; readonly refreshSeconds: number },
  ) {}

  async issue(user: Pick<UserAccount, 'userId' | 'sessionVersion'>): Promise<TokenPair> {
    const claims = { sub: user.userId, sv: user.sessionVersion };
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(
        { ...claims, typ: 'access' },
        { expiresIn: this.lifetimes.accessSeconds, issuer: ISSUER, algorithm: 'HS256' },
      ),
      this.jwt.signAsync(
        { ...claims, typ: 'refresh' },
        {
          expiresIn: this.lifetimes.refreshSeconds,
          issuer: ISSUER,
          algorithm: 'HS256',
          jwtid: randomUUID(),
        },
      ),
    ]);
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: this.lifetimes.accessSeconds,
      refreshToken,
    };
  }

  /** The claims of a token of the given type; anything expired, tampered or foreign is a 401. */
  async verify(token: string, type: TokenClaims['typ']): Promise<TokenClaims> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
      });
    } catch {
      throw new UnauthorizedException('the token is expired or invalid; sign in again');
    }
    if (claims.typ !== type || typeof claims.sub !== 'string' || typeof claims.sv !== 'number') {
      throw new UnauthorizedException(`this is not an ${type} token`);
    }
    return claims as TokenClaims;
  }
}
