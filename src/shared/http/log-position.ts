import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Position } from '../eventstore/event-envelope';
import { invalidFields } from './invalid-fields';

/**
 * Read-your-writes across the eventual gap between events and read models: a write answers with
 * `X-Log-Position`; a read that sends it back as `X-Min-Log-Position` waits (briefly) until the
 * read model has caught up with that write.
 */
export const LOG_POSITION_HEADER = 'x-log-position';
export const MIN_LOG_POSITION_HEADER = 'x-min-log-position';
const FORMAT = /^(\d{1,16}):(\d{1,16})$/;

export function formatLogPosition(position: Position): string {
  return `${position.commit}:${position.prepare}`;
}

export function setLogPosition(reply: FastifyReply, position: Position | null): void {
  if (position) void reply.header(LOG_POSITION_HEADER, formatLogPosition(position));
}

export function parseLogPosition(text: string): Position {
  const match = FORMAT.exec(text);
  if (!match) {
    throw invalidFields({ [MIN_LOG_POSITION_HEADER]: 'must look like <commit>:<prepare>' });
  }
  return { commit: Number(match[1]), prepare: Number(match[2]) };
}

export const MinLogPosition = createParamDecorator(
  (_: unknown, context: ExecutionContext): Position | null => {
    const value = context.switchToHttp().getRequest<FastifyRequest>().headers[
      MIN_LOG_POSITION_HEADER
    ];
    return typeof value === 'string' ? parseLogPosition(value) : null;
  },
);
