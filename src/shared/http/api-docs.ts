import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { buildApiDocument } from './api-document';

export const DOCS_PATH = '/docs';

/**
 * What the explorer page loads from `/docs/`. swagger-ui's folder is served as static files, and
 * holds more than these (its package.json, README, source maps): nothing else of it is answered.
 */
const DOCS_ASSETS: ReadonlySet<string> = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'swagger-ui-init.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
]);

/** The OpenAPI explorer at `/docs` and its document at `/docs-json`; nothing else under `/docs/`. */
export function setupApiDocs(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith(`${DOCS_PATH}/`) || path === `${DOCS_PATH}/`) return;
    if (DOCS_ASSETS.has(path.slice(DOCS_PATH.length + 1))) return;
    return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
  });
  // The YAML copy is one document too many to keep open.
  SwaggerModule.setup(DOCS_PATH.slice(1), app, () => buildApiDocument(app), {
    raw: ['json'],
    // The token typed into "Authorize" survives a reload of the page.
    swaggerOptions: { persistAuthorization: true },
  });
}
