import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One route a controller declares. */
export interface AppRoute {
  /** `GET`, `POST`, ... */
  readonly method: string;
  /** `/backorders/:id/lines/:lineId/fulfil` */
  readonly path: string;
  /** `POST /backorders/...`: the same form `mountedRoutes` gives. */
  readonly key: string;
  readonly controller: Type;
  readonly handler: (...args: unknown[]) => unknown;
  readonly handlerName: string;
}

/** Every handler of every controller in the app's module graph, from Nest's routing metadata. */
export function controllerRoutes(app: INestApplication): AppRoute[] {
  const scanner = new MetadataScanner();
  const routes = new Map<string, AppRoute>();
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as Type;
    const prototype = controller.prototype as Record<string, AppRoute['handler']>;
    for (const handlerName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[handlerName];
      const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (verb === undefined) continue;
      const method = RequestMethod[verb];
      for (const prefix of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const suffix of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
          const path = normalPath(`/${prefix}/${suffix}`);
          const key = `${method} ${path}`;
          routes.set(key, { method, path, key, controller, handler, handlerName });
        }
      }
    }
  }
  return [...routes.values()];
}

/**
 * What Fastify itself serves, read from its route tree, as `METHOD /path` (without the HEAD
 * routes it adds to every GET): a route mounted outside a controller would pass by the access
 * guard and the validation pipe, so it must not exist unnoticed.
 */
export function mountedRoutes(app: NestFastifyApplication): string[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const found: string[] = [];
  for (const line of tree.split('\n').filter((l) => l.trim() !== '')) {
    const match = /^[\s│├└─]*(\/\S*)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) throw new Error(`cannot read the Fastify route line "${line}"`);
    const depth = line.indexOf('/') / 4 - 1;
    prefixes.length = depth;
    const path = prefixes.join('') + match[1];
    prefixes.push(match[1]);
    for (const method of (match[2] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') found.push(`${method} ${normalPath(path)}`);
    }
  }
  return found.sort();
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function normalPath(path: string): string {
  return path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}
