import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
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
 * Two limits: sign-in attempts per username and address (against password guessing), and
 * writes per user or API key and route (against a runaway client). Reads are not limited.
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
          const body = (request as FastifyRequest).body as { username?: unknown } | undefined;
          const username = typeof body?.username === 'string' ? body.username : '';
          return `${(request as FastifyRequest).ip}\n${username.trim().toLowerCase()}`;
        },
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
  };
}
