import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { AuthConfig } from '../shared/config/app-config';
import { LOGIN_ROUTE } from './access.decorators';
import { principalOf } from './principal';

const isLogin = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(LOGIN_ROUTE, context.getHandler()) === true;

const isRead = (context: ExecutionContext): boolean => {
  const { method } = context.switchToHttp().getRequest<FastifyRequest>();
  return method === 'GET' || method === 'HEAD';
};

/**
 * The chain a refresh token belongs to, read without checking its signature (the route checks
 * it): a forged one only picks its own allowance, as a new token would.
 */
function refreshChainOf(token: string): string {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      fid?: unknown;
    };
    if (typeof claims.fid === 'string') return `chain:${claims.fid}`;
  } catch {
    // not a JWT: counted by its hash below
  }
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sign-in attempts per username (refreshes per token, password changes per user) and address, and
 * ten times as many per address alone (against password guessing and spraying); writes per user
 * or API key and route (against a runaway client). Reads are not limited.
 */
export function requestThrottling(auth: AuthConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'login',
        ttl: 60_000,
        limit: auth.loginAttemptsPerMinute,
        skipIf: (context) => !isLogin(context),
        getTracker: (request) => {
          const body = (request as FastifyRequest).body as
            { username?: unknown; refreshToken?: unknown } | undefined;
          // A refresh names no user: counted per sign-in (the chain its tokens rotate along), or
          // everyone behind one address (a shop's network, a proxy) would share one allowance. A password change counts for
          // the signed-in user, so a stolen token cannot guess the current password at will.
          const who =
            typeof body?.username === 'string'
              ? body.username.trim().toLowerCase()
              : typeof body?.refreshToken === 'string'
                ? refreshChainOf(body.refreshToken)
                : (principalOf(request as FastifyRequest)?.actor ?? '');
          return `${(request as FastifyRequest).ip}\n${who}`;
        },
      },
      {
        // Many names tried from one address (password spraying) are limited too.
        name: 'login-address',
        ttl: 60_000,
        limit: auth.loginAttemptsPerMinute * 10,
        skipIf: (context) => !isLogin(context),
      },
      {
        name: 'writes',
        ttl: 1_000,
        limit: auth.writesPerSecond,
        skipIf: (context) => isLogin(context) || isRead(context),
        getTracker: (request) =>
          principalOf(request as FastifyRequest)?.actor ?? (request as FastifyRequest).ip,
      },
    ],
    errorMessage: 'too many requests; wait a moment and try again',
    // The key as plain text: the default hashes it with sha256 on every request.
    generateKey: (context, tracker, throttler) =>
      `${throttler}\n${context.getClass().name}.${context.getHandler().name}\n${tracker}`,
  };
}
