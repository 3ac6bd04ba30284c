import type { FastifyRequest } from 'fastify';

const ACTOR = Symbol('actor');

type WithActor = FastifyRequest & { [ACTOR]?: string };

/**
 * Who a request acts for, as events record it: set by whatever authenticated the request (the
 * kernel knows no more of the feature that did), read when a command context is made.
 */
export function actorOf(request: FastifyRequest): string | undefined {
  return (request as WithActor)[ACTOR];
}

export function setActor(request: FastifyRequest, actor: string): void {
  (request as WithActor)[ACTOR] = actor;
}
