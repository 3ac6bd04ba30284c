import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webAppDir } from './web-app-dir';

/**
 * The staff web app's page may load only what the app itself serves: its own script and styles
 * (no inline ones), pictures from this server (blob: for the signed-in image fetches, data: for
 * barcodes), and calls to this server. Stricter than the policy the API docs need.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the staff web app at `/` and its hashed assets at `/assets/`, both public (the app signs
 * in through the API). Like the API docs, mounted by the server only; skipped with a warning
 * when the app was not built.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  dir = webAppDir(),
): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    // File names carry their content hash: they never change.
    immutable: true,
    // build:web writes .br and .gz beside each file.
    preCompressed: true,
    maxAge: '365d',
    decorateReply: false,
  });
  // One small page, read once: the build replaces it only with a restart.
  const page = readFileSync(join(dir, 'index.html'));
  fastify.get('/', (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', WEB_APP_CSP)
      .header('cache-control', 'no-cache')
      .send(page),
  );
  return true;
}
