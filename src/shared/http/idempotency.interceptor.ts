import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, mergeMap, type Observable, of } from 'rxjs';
import { BusinessRuleViolation } from '../domain/domain-errors';
import { StreamStates } from '../commands/stream-states';
import { streams } from '../eventstore/stream-names';
import { ANSWERS_WITH_SECRETS } from './answers-with-secrets.decorator';
import {
  type CompletedRequest,
  idempotentRequestDecider,
  RecordCompletedRequest,
} from './idempotent-request.decider';
import { commandContextOf } from './request-context.decorator';

const REPLAYED_HEADERS = ['location', 'x-log-position'];

/**
 * A write sent again with the same Idempotency-Key (by the same actor, to the same route) gets
 * the first answer back and changes nothing. The answer is recorded in the event log (by the
 * RecordCompletedRequest command), so it survives restarts; a retry racing the first request is made safe by the ids its entities
 * derive from the key. The same key with another body is refused (422).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly states: StreamStates,
    private readonly commands: CommandBus,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return next.handle();
    if (Reflect.getMetadata(ANSWERS_WITH_SECRETS, execution.getHandler()) === true) {
      return next.handle();
    }
    const context = commandContextOf(request);
    if (!context.idempotencyKey) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const route = request.routeOptions.url ?? request.url;
    const requestKey = digest(
      `${context.actor}\n${request.method}\n${route}\n${context.idempotencyKey}`,
    ).slice(0, 32);
    const fingerprint = digest(JSON.stringify(request.body ?? null));

    const stream = streams.idempotentRequest(requestKey);
    return from(this.states.load(idempotentRequestDecider, stream)).pipe(
      mergeMap(({ state: completed }) => {
        if (completed) {
          if (completed.fingerprint !== fingerprint) {
            throw new BusinessRuleViolation(
              'idempotency-key-reused',
              'this Idempotency-Key was already used for a request with another body',
            );
          }
          void reply
            .status(completed.status)
            .headers({ ...completed.headers, 'idempotent-replayed': 'true' });
          return of(completed.body);
        }
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, execution.getHandler()) as number | undefined) ??
          (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            const headers = Object.fromEntries(
              REPLAYED_HEADERS.flatMap((name) => {
                const value = reply.getHeader(name);
                return value === undefined ? [] : [[name, String(value)]];
              }),
            );
            const answer: CompletedRequest = { fingerprint, status, headers, body };
            await this.commands.execute(new RecordCompletedRequest(requestKey, answer, context));
            return body;
          }),
        );
      }),
    );
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
