import { Reflector } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PUBLIC_ROUTE } from '../../src/auth/access.decorators';
import { buildApiDocument } from '../../src/shared/http/api-document';
import { API_KEY_SCHEME, BEARER_SCHEME } from '../../src/shared/http/api-security';
import { type AppRoute, controllerRoutes } from '../support/app-routes';
import { fieldsWithoutExample } from '../support/openapi-gaps';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The document `/docs-json` serves, built as the server builds it, must let a client developer
 * call every route from it alone: each test lists every operation that falls short, by name.
 */
describe('the OpenAPI document', () => {
  let app: TestApp;
  let document: OpenAPIObject;
  let routes: AppRoute[];

  beforeAll(async () => {
    app = await startTestApp();
    document = buildApiDocument(app.app);
    routes = controllerRoutes(app.app);
  }, 120_000);
  afterAll(() => app.close());

  const operationOf = (route: AppRoute): OperationObject | undefined => {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    return document.paths[path]?.[route.method.toLowerCase() as 'get'];
  };
  const gaps = (check: (route: AppRoute, operation: OperationObject) => string | null) =>
    routes.flatMap((route) => {
      const operation = operationOf(route);
      if (!operation) return [`${route.key}: not in the document`];
      const gap = check(route, operation);
      return gap ? [`${route.key}: ${gap}`] : [];
    });
  const isPublic = (route: AppRoute) =>
    new Reflector().getAllAndOverride<boolean>(PUBLIC_ROUTE, [route.handler, route.controller]) ===
    true;
  const takesUploads = (route: AppRoute) =>
    Object.keys(
      (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, route.handler) as object | undefined) ??
        {},
    ).includes('acceptsUploads');

  it('lists every route', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(gaps(() => null)).toEqual([]);
  });

  it('gives every operation a summary', () => {
    expect(gaps((_, operation) => (operation.summary?.trim() ? null : 'no summary'))).toEqual([]);
  });

  it('offers a bearer token and an API key, and asks one of them on every route not public', () => {
    expect(document.components?.securitySchemes).toMatchObject({
      [BEARER_SCHEME]: { type: 'http', scheme: 'bearer' },
      [API_KEY_SCHEME]: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    expect(
      gaps((route, operation) => {
        const schemes = (operation.security ?? []).flatMap((entry) => Object.keys(entry));
        if (isPublic(route)) return schemes.length === 0 ? null : 'public, yet asks a sign-in';
        const missing = [BEARER_SCHEME, API_KEY_SCHEME].filter((s) => !schemes.includes(s));
        return missing.length === 0 ? null : `does not offer ${missing.join(', ')}`;
      }),
    ).toEqual([]);
  });

  it('describes every upload as a multipart body with its file and fields', () => {
    const uploads = routes.filter(takesUploads);
    expect(uploads.map((route) => route.key).sort()).toEqual([
      'POST /catalog/imports',
      'POST /products/:id/images',
    ]);
    expect(
      gaps((route, operation) => {
        if (!takesUploads(route)) return null;
        const body = (operation.requestBody as { content?: Record<string, { schema?: object }> })
          ?.content?.['multipart/form-data']?.schema as Record<string, unknown> | undefined;
        if (!body) return 'no multipart/form-data body';
        const properties = Object.values((body.properties ?? {}) as Record<string, object>);
        return properties.some((p) => (p as { format?: string }).format === 'binary')
          ? null
          : 'the multipart body names no file';
      }),
    ).toEqual([]);
  });

  it('shows an example on every field of every request body', () => {
    expect(
      gaps((_, operation) => {
        const content = (operation.requestBody as { content?: Record<string, { schema?: object }> })
          ?.content;
        if (!content) return null;
        const missing = Object.values(content).flatMap((media) =>
          media.schema ? fieldsWithoutExample(document, media.schema as never) : [],
        );
        return missing.length === 0 ? null : `no example on ${missing.join(', ')}`;
      }),
    ).toEqual([]);
  });

  it('gives every success answer a schema with an example', () => {
    expect(
      gaps((_, operation) => {
        const successes = Object.entries(operation.responses).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        if (successes.length === 0) return 'no success answer';
        const faults = successes.flatMap(([status, answer]) => {
          if (status === '204') return [];
          const content = (
            answer as { content?: Record<string, { schema?: object; example?: unknown }> }
          ).content;
          if (!content || Object.keys(content).length === 0) return [`${status} has no schema`];
          return Object.entries(content).flatMap(([type, media]) => {
            if (!media.schema) return [`${status} ${type} has no schema`];
            // An example alone types nothing: a generated client needs the shape.
            if (!['type', '$ref', 'allOf', 'oneOf'].some((key) => key in media.schema!)) {
              return [`${status} ${type} has an example but no shape`];
            }
            if (media.example !== undefined) return [];
            const missing = fieldsWithoutExample(document, media.schema as never);
            return missing.length === 0 ? [] : [`${status} no example on ${missing.join(', ')}`];
          });
        });
        return faults.length === 0 ? null : faults.join('; ');
      }),
    ).toEqual([]);
  });
});
