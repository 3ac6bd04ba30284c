import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { ApiExceptionFilter } from './api-exception.filter';
import { parseQueryString } from './query-string';
import { requestIdOf } from './request-id';
import { registerUploads } from './uploads';
import { createValidationPipe } from './validation.pipe';

export function createHttpAdapter(
  config: Pick<AppConfig, 'bodyLimit' | 'trustProxy'>,
): FastifyAdapter {
  return new JsonBodyFastifyAdapter({
    bodyLimit: config.bodyLimit,
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    // On stop, close every connection: a sheet refused part-way leaves its client still sending,
    // and waiting for that connection kept the server from stopping.
    forceCloseConnections: true,
    // Router settings belong under routerOptions since Fastify 5.5 (FSTDEP022 otherwise).
    routerOptions: { querystringParser: parseQueryString },
    // A URL Fastify cannot even route (a bad percent-escape) answers like any other 400.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        fields: [{ field: 'url', errors: [error.message] }],
        requestId: request.id,
      });
    },
  });
}

/**
 * Commands take JSON only: any other body is a 415 rather than read as strings. Fastify's text
 * parser and the form parser Nest adds when the app starts are taken out once both are there.
 */
class JsonBodyFastifyAdapter extends FastifyAdapter {
  override registerParserMiddleware(prefix?: string, rawBody?: boolean): void {
    super.registerParserMiddleware(prefix, rawBody);
    this.getInstance().removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
  }
}

/** What every running app has, the server and the end-to-end tests alike. */
export async function configureHttpApp(
  app: NestFastifyApplication,
  config: Pick<AppConfig, 'corsOrigins'> & { readonly uploadIdleSeconds?: number },
): Promise<void> {
  // Security headers on every answer; the API docs page needs its own inline script and styles.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        // A shop server is often reached over plain HTTP on the local network.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Browsers on other origins are refused unless CORS_ORIGINS names them.
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: [...config.corsOrigins], maxAge: 600 });
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const fastify = app.getHttpAdapter().getInstance();
  await registerUploads(fastify, config.uploadIdleSeconds);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
