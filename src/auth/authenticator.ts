import { Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { StreamStates } from '../shared/commands/stream-states';
import { streams } from '../shared/eventstore/stream-names';
import { apiKeyDecider } from './api-key.decider';
import { parseApiKey, secretHash } from './api-key-format';
import type { Principal } from './principal';
import { TokenIssuer } from './token-issuer';
import { type UserAccount, userDecider } from './user.decider';

/**
 * Finds who a request comes from: a bearer access token, or an API key in X-Api-Key. The
 * token's user is read from its stream on every request (cached, so without a query when
 * nothing changed): disabling a user or changing their roles or password takes effect at once.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly states: StreamStates,
    private readonly tokens: TokenIssuer,
  ) {}

  async authenticate(request: FastifyRequest): Promise<Principal> {
    const apiKey = request.headers['x-api-key'];
    if (apiKey !== undefined) return this.byApiKey(apiKey);
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && /^bearer /i.test(authorization)) {
      return this.byAccessToken(authorization.slice(7).trim());
    }
    throw new UnauthorizedException(
      'sign in first: send Authorization: Bearer <access token> or X-Api-Key: <key>',
    );
  }

  async byAccessToken(token: string): Promise<Principal> {
    const claims = await this.tokens.verify(token, 'access');
    const user = await this.currentUser(claims.sub, claims.sv);
    return {
      kind: 'user',
      id: user.userId,
      actor: user.username,
      roles: user.roles,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /** The user a token names, if the session it was made in is still open. */
  async currentUser(userId: string, sessionVersion: number): Promise<UserAccount> {
    const { state } = await this.states.load(userDecider, streams.user(userId));
    if (state.status !== 'active' || state.sessionVersion !== sessionVersion) {
      throw new UnauthorizedException('this session has ended; sign in again');
    }
    return state;
  }

  private async byApiKey(header: string | string[]): Promise<Principal> {
    const parsed = typeof header === 'string' ? parseApiKey(header) : null;
    if (!parsed) throw new UnauthorizedException('the API key is malformed');
    const { state } = await this.states.load(apiKeyDecider, streams.apiKey(parsed.keyId));
    const presented = Buffer.from(secretHash(parsed.secret), 'hex');
    if (
      state.status !== 'active' ||
      !timingSafeEqual(presented, Buffer.from(state.secretHash, 'hex'))
    ) {
      throw new UnauthorizedException('the API key is unknown or revoked');
    }
    return {
      kind: 'api-key',
      id: state.keyId,
      actor: `api-key:${state.name}`,
      roles: state.roles,
      mustChangePassword: false,
    };
  }
}
