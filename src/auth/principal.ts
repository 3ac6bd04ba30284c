import type { FastifyRequest } from 'fastify';
import { setActor } from '../shared/http/request-actor';
import type { Role } from './roles';

/** Who a request acts for, as the access guard established it. */
export interface Principal {
  readonly kind: 'user' | 'api-key';
  /** The user's or the key's id. */
  readonly id: string;
  /** What events record as their actor: the username, or `api-key:<name>`. */
  readonly actor: string;
  readonly roles: readonly Role[];
  /** Signed in with a one-time password: only changing it is allowed. */
  readonly mustChangePassword: boolean;
}

const PRINCIPAL = Symbol('principal');

type WithPrincipal = FastifyRequest & { [PRINCIPAL]?: Principal };

export function principalOf(request: FastifyRequest): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}

export function setPrincipal(request: FastifyRequest, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
  setActor(request, principal.actor);
}
