import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { loadConfig } from './shared/config/app-config';
import { setupApiDocs } from './shared/http/api-docs';
import { configureHttpApp, createHttpAdapter } from './shared/http/http-app';
import { serveWebApp } from './shared/http/web-app';
import { QuietFrameworkLogger } from './shared/logging/quiet-framework-logger';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    createHttpAdapter(config),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));
  await configureHttpApp(app, config);
  if (config.apiDocs) setupApiDocs(app);
  const webApp = await serveWebApp(app);
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  // A plain line for the person who typed `npm start`; everything else is JSON logs.
  process.stdout.write(
    `backorder-ledger listening on http://${shown}:${config.port} ` +
      `(event store: ${config.eventStore.kind}, read store: ${config.readStore.kind}, data: ${config.dataDir})\n`,
  );
  if (!webApp) process.stdout.write('the staff web app is not built: run `npm run build:web`\n');
  // Said again here: the lines logged while starting may have pushed the first notice away.
  const notice = app.get(AdminBootstrap).firstStartNotice();
  if (notice) process.stdout.write(notice);
}

void bootstrap();
