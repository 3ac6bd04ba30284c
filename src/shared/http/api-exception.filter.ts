import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BusinessRuleViolation, UnknownEntityError } from '../domain/domain-errors';
import { WrongExpectedVersionError } from '../eventstore/event-store.errors';
import { ReadModelQueryError } from '../readmodels/read-model-store.port';
import { requestIdOf } from './request-id';

interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

/**
 * Every error leaves as JSON of one shape. Domain errors keep their meaning (422 names the rule,
 * 409 a concurrent change, 404 an unknown id); anything unexpected is a bare 500 whose details
 * stay in the log under the request id.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request.raw);
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId }, 'request failed unexpectedly');
    }
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json')
      .send({ ...body, requestId });
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (exception instanceof BusinessRuleViolation) {
    return {
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      error: 'Unprocessable Entity',
      rule: exception.rule,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof UnknownEntityError) {
    return { statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', message: exception.message };
  }
  if (exception instanceof WrongExpectedVersionError) {
    return {
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message: 'Another request changed this record at the same time; read it again and retry',
    };
  }
  if (exception instanceof ReadModelQueryError) {
    return { statusCode: HttpStatus.BAD_REQUEST, error: 'Bad Request', message: exception.message };
  }
  const status = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals (malformed JSON, body too large, unsupported media type).
    return { statusCode: status, error: reasonOf(status), message: (exception as Error).message };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'Internal Server Error',
    message: 'An unexpected error occurred',
  };
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string')
    return { statusCode, error: reasonOf(statusCode), message: response };
  const { statusCode: _ignored, ...rest } = response as Record<string, unknown>;
  const message = Array.isArray(rest.message)
    ? rest.message.join('; ')
    : String(rest.message ?? exception.message);
  return { ...rest, statusCode, error: String(rest.error ?? reasonOf(statusCode)), message };
}

function reasonOf(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(' ')
    : 'Error';
}
