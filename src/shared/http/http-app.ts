import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';
import { ApiExceptionFilter } from './api-exception.filter';
import { requestIdOf } from './request-id';
import { createValidationPipe } from './validation.pipe';

export function createHttpAdapter(config: Pick<AppConfig, 'bodyLimit'>): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: config.bodyLimit, genReqId: requestIdOf });
}

/** What every running app has, the server and the end-to-end tests alike. */
export function configureHttpApp(app: NestFastifyApplication): void {
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const fastify = app.getHttpAdapter().getInstance();
  // Commands take JSON; any other body is refused with 415 rather than read as a string.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
