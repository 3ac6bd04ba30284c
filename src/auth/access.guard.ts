import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ALLOWED_ROLES,
  ANY_SIGNED_IN,
  PUBLIC_ROUTE,
  VERIFICATION_ROUTE,
} from './access.decorators';
import { Authenticator } from './authenticator';
import { setPrincipal } from './principal';
import type { WritingRole } from './roles';

/** Who may call a route: authentication, then the route's roles. Closed unless a route says otherwise. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    let principal;
    try {
      principal = await this.authenticator.authenticate(request);
    } catch (error) {
      if (error instanceof UnauthorizedException) {
        void http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer');
      }
      throw error;
    }
    setPrincipal(request, principal);
    if (this.reflector.getAllAndOverride<boolean>(ANY_SIGNED_IN, targets)) return true;
    if (principal.mustChangePassword) {
      throw new ForbiddenException(
        'choose a new password first (POST /auth/password): this one was for one use only',
      );
    }
    const allowed = this.reflector.getAllAndOverride<WritingRole[] | undefined>(
      ALLOWED_ROLES,
      targets,
    );
    const reading =
      request.method === 'GET' ||
      request.method === 'HEAD' ||
      this.reflector.getAllAndOverride<boolean>(VERIFICATION_ROUTE, targets) === true;
    if (
      allowed &&
      principal.roles.some((role) =>
        role === 'auditor' ? reading : (allowed as readonly string[]).includes(role),
      )
    ) {
      return true;
    }
    throw new ForbiddenException(
      allowed
        ? `this needs the role ${allowed.join(' or ')}${reading ? ' or auditor' : ''}`
        : 'no role may use this route',
    );
  }
}
