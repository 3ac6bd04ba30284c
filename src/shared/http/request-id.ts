import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * One id per request, shared by Fastify, the request logs and the events the request causes
 * (their causation id). Stored on the raw request because Fastify and the logging middleware
 * each see only that.
 */
export function requestIdOf(raw: IncomingMessage): string {
  const carrier = raw as IncomingMessage & { id?: unknown };
  if (typeof carrier.id !== 'string') carrier.id = randomUUID();
  return carrier.id as string;
}
