import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_KEY_SCHEME, BEARER_SCHEME } from './api-security';

/**
 * The OpenAPI document `/docs-json` serves. Built from the running app's routes; tests build it
 * with this same function, so what they check is what a client downloads.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('backorder-ledger')
    .setDescription(
      'Customer backorders tied to vendor purchase orders, recorded as events.\n\n' +
        'Sign in with `POST /auth/login`, then press **Authorize** and paste the `accessToken` ' +
        'as the bearer token — or paste an API key (made by an admin at `POST /api-keys`).',
    )
    .setVersion('0.1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The accessToken from POST /auth/login',
      },
      BEARER_SCHEME,
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A key from POST /api-keys' },
      API_KEY_SCHEME,
    )
    .build();
  return withApiKeyBesideBearer(SwaggerModule.createDocument(app, config));
}

/**
 * Every route that takes a bearer token takes an API key too (the authenticator reads either),
 * so each operation lists both as alternatives rather than every controller naming the two.
 */
function withApiKeyBesideBearer(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const security = pathItem[method]?.security;
      if (!security?.some((requirement) => BEARER_SCHEME in requirement)) continue;
      if (security.some((requirement) => API_KEY_SCHEME in requirement)) continue;
      security.push({ [API_KEY_SCHEME]: [] });
    }
  }
  return document;
}
