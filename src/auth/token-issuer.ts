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

/** Where a refresh token stands in its sign-in's chain of refresh tokens. */
export interface RefreshPlace {
  /** The chain: one per sign-in. */
  readonly fid: string;
  /** Refreshes before this token was handed out: 0 for the sign-in's own. */
  readonly gen: number;
  /** The token's own id. */
  readonly jti: string;
}

export type RefreshClaims = TokenClaims & RefreshPlace;

const ISSUER = 'backorder-ledger';
/** Tokens whose signature was checked; forgotten all at once when this many are known. */
const MAX_VERIFIED = 10_000;

type VerifiedClaims = TokenClaims & { readonly exp: number };

/** Short-lived access tokens and longer refresh tokens, both HS256 JWTs bound to a session version. */
export class TokenIssuer {
  /**
   * A client sends the same token with every request: its signature is checked once, then its
   * claims are reused until it expires (what the session version allows is still read each time).
   */
  private readonly verified = new Map<string, VerifiedClaims>();

  constructor(
    private readonly jwt: JwtService,
    private readonly lifetimes: { readonly accessSeconds: number; readonly refreshSeconds: number },
  ) {}

  /** Tokens for a new sign-in, or for the next place in a chain (a refresh). */
  async issue(
    user: Pick<UserAccount, 'userId' | 'sessionVersion'>,
    place: RefreshPlace = { fid: randomUUID(), gen: 0, jti: randomUUID() },
  ): Promise<TokenPair> {
    const claims = { sub: user.userId, sv: user.sessionVersion };
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(
        { ...claims, typ: 'access' },
        { expiresIn: this.lifetimes.accessSeconds, issuer: ISSUER, algorithm: 'HS256' },
      ),
      this.jwt.signAsync(
        { ...claims, typ: 'refresh', fid: place.fid, gen: place.gen },
        {
          expiresIn: this.lifetimes.refreshSeconds,
          issuer: ISSUER,
          algorithm: 'HS256',
          jwtid: place.jti,
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

  /** A refresh token's claims with its place in its chain; one made before chains is a 401. */
  async verifyRefresh(token: string): Promise<RefreshClaims> {
    const claims = (await this.verify(token, 'refresh')) as Partial<RefreshClaims>;
    if (
      typeof claims.fid !== 'string' ||
      typeof claims.gen !== 'number' ||
      typeof claims.jti !== 'string'
    ) {
      throw new UnauthorizedException('this session has ended; sign in again');
    }
    return claims as RefreshClaims;
  }

  /** The claims of a token of the given type; anything expired, tampered or foreign is a 401. */
  async verify(token: string, type: TokenClaims['typ']): Promise<TokenClaims> {
    const known = this.verified.get(token);
    const claims: Partial<VerifiedClaims> =
      known && known.exp * 1000 > Date.now() ? known : await this.checked(token);
    if (claims.typ !== type || typeof claims.sub !== 'string' || typeof claims.sv !== 'number') {
      throw new UnauthorizedException(`this is not an ${type} token`);
    }
    return claims as TokenClaims;
  }

  private async checked(token: string): Promise<Partial<VerifiedClaims>> {
    let claims: Partial<VerifiedClaims>;
    try {
      claims = await this.jwt.verifyAsync<VerifiedClaims>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
      });
    } catch {
      throw new UnauthorizedException('the token is expired or invalid; sign in again');
    }
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, claims as VerifiedClaims);
    }
    return claims;
  }
}
