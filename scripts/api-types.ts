/**
 * Writes the TypeScript types of the API (`web/src/api-types.ts` by default) from the OpenAPI
 * document the server serves at /docs-json, built here from the app itself on empty stores in a
 * temporary folder: no server needs to run. `npm run api:types [-- <output.ts>]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/shared/config/app-config';
import { buildApiDocument } from '../src/shared/http/api-document';
import { configureHttpApp, createHttpAdapter } from '../src/shared/http/http-app';

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'web/src/api-types.ts');
  const dir = mkdtempSync(join(tmpdir(), 'api-types-'));
  try {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      PROJECTIONS_THREAD: 'main',
      // Only to start on empty stores; nobody signs in to this app.
      ADMIN_INITIAL_PASSWORD: 'api types, never served',
      DATA_DIR: dir,
    });
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule,
      createHttpAdapter(config),
      { logger: false },
    );
    await configureHttpApp(app, config);
    await app.init();
    const documentPath = join(dir, 'openapi.json');
    writeFileSync(documentPath, JSON.stringify(buildApiDocument(app)));
    await app.close();
    execFileSync(openapiTypescriptCli(), [documentPath, '--output', output], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The generator's own command, from this project's node_modules. */
function openapiTypescriptCli(): string {
  const name = process.platform === 'win32' ? 'openapi-typescript.cmd' : 'openapi-typescript';
  return join(__dirname, '..', 'node_modules', '.bin', name);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
