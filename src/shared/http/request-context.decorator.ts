import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { actorOf } from './request-actor';
import type { CommandContext } from '../commands/command-context';
import { requestIdOf } from './request-id';
import { invalidFields } from './invalid-fields';

const TOKEN = /^[\w.@:+-]{1,128}$/;

/**
 * The one place that turns a request into a command context. The actor is who signed in (the
 * access guard ran before), `anonymous` on public routes; a client may carry its own
 * `X-Correlation-Id` across requests, otherwise the request id stands for it; an
 * `Idempotency-Key` makes a retried write safe, and is kept per actor.
 */
export function commandContextOf(request: FastifyRequest): CommandContext {
  const requestId = requestIdOf(request.raw);
  const actor = actorOf(request) ?? 'anonymous';
  const correlationId = header(request, 'x-correlation-id') ?? requestId;
  const idempotencyKey = header(request, 'idempotency-key');
  return {
    actor,
    correlationId,
    causationId: requestId,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

export const RequestContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandContext =>
    commandContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !TOKEN.test(value)) {
    throw invalidFields({ [name]: `${name} must be 1 to 128 letters, digits or . @ : + - _` });
  }
  return value;
}
