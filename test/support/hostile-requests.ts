import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { DECORATORS } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { controllerRoutes, mountedRoutes } from './app-routes';

/**
 * Malformed requests for every write route, generated from the running app: the routes from the
 * controllers' metadata, the bodies from their DTOs' validation rules. Each case is malformed by
 * construction (a rule of the DTO it breaks, a path id that is not one, a body that is not JSON),
 * so the app must refuse it with a 4xx and append nothing.
 */

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface WriteRoute {
  readonly method: WriteMethod;
  /** Fastify's form: `/backorders/:id/lines/:lineId/change`. */
  readonly path: string;
  readonly handler: string;
  /** The DTO of the handler's `@Body()`, or null when it reads no body. */
  readonly body: Type | null;
  readonly params: readonly string[];
  /** Marked @AcceptsUploads: a multipart body is its form, refused for what is in it, not its type. */
  readonly uploads: boolean;
}

/** What a refusal must look like: the statuses allowed and whether a 400 must name the fields. */
export type CaseKind =
  | 'validation'
  | 'prototype-key'
  | 'malformed-json'
  | 'media-type'
  | 'too-large'
  | 'malformed-id'
  | 'unknown-id'
  | 'header';

export const EXPECTED: Readonly<Record<CaseKind, readonly number[]>> = {
  validation: [400],
  'prototype-key': [400],
  'malformed-json': [400],
  'media-type': [415],
  'too-large': [413],
  // Also a bad percent-escape or a parameter past the router's limit, refused before routing.
  'malformed-id': [400],
  // An id of the right shape that names nothing: 404, or 422 for a line its order does not have.
  'unknown-id': [404, 422],
  header: [400],
};

/** Kinds whose 400 comes from the validation layer and must carry a `fields` list. */
export const NEEDS_FIELDS: ReadonlySet<CaseKind> = new Set([
  'validation',
  'header',
  'malformed-id',
]);

export interface HostileCase {
  readonly route: WriteRoute;
  readonly kind: CaseKind;
  readonly label: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: string | Buffer;
}

export interface CaseContext {
  /** The id of a real entity for this parameter of the route. */
  realParam(route: WriteRoute, name: string): string;
  /** A well-formed id for this parameter that names nothing. */
  unknownParam(route: WriteRoute, name: string): string;
  readonly bodyLimit: number;
  /** Routes whose well-formed body would be acted on even at a bad address (sign-in). */
  readonly neverWellFormed: (route: WriteRoute) => boolean;
}

const WRITE_METHOD_NAMES: readonly WriteMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Every write route of every controller the app has, with the DTO its handler validates. */
export function discoverWriteRoutes(app: INestApplication): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const { method, path, controller, handler, handlerName } of controllerRoutes(app)) {
    if (!isWrite(method)) continue;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ??
      {}) as Record<string, { index: number }>;
    const bodyArg = Object.entries(args).find(
      ([key]) => Number(key.split(':')[0]) === RouteParamtypes.BODY,
    );
    const paramTypes = (Reflect.getMetadata(
      'design:paramtypes',
      controller.prototype as object,
      handlerName,
    ) ?? []) as Type[];
    routes.push({
      method,
      path,
      handler: `${controller.name}.${handlerName}`,
      body: bodyArg ? paramTypes[bodyArg[1].index] : null,
      params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1]),
      uploads:
        (
          Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as
            { acceptsUploads?: boolean } | undefined
        )?.acceptsUploads === true,
    });
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The write routes Fastify itself serves: nothing may bypass Nest. */
export function fastifyWriteRoutes(app: NestFastifyApplication): string[] {
  return mountedRoutes(app).filter((route) => isWrite(route.split(' ')[0]));
}

function isWrite(method: string): method is WriteMethod {
  return (WRITE_METHOD_NAMES as readonly string[]).includes(method);
}

// ---------------------------------------------------------------------------------------------
// What a DTO asks for, read from class-validator's metadata.

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

interface FieldRule {
  readonly name: string;
  readonly rules: ReadonlyMap<string, ValidationMetadata>;
  /** Absent is fine (IsOptional or ValidateIf). */
  readonly mayBeAbsent: boolean;
  /** null is fine too (IsOptional). */
  readonly mayBeNull: boolean;
  readonly nested: Type | null;
  readonly isArray: boolean;
}

function fieldRules(dto: Type): FieldRule[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  return names.map((name) => {
    const own = metadata.filter((m) => m.propertyName === name);
    const rules = new Map(own.map((m) => [m.name ?? m.type, m]));
    const isArray = rules.has('isArray');
    const hasNested = own.some((m) => m.type === 'nestedValidation');
    return {
      name,
      rules,
      mayBeAbsent: own.some((m) => m.type === 'conditionalValidation'),
      mayBeNull: rules.has('isOptional'),
      nested: hasNested ? nestedType(dto, name, isArray) : null,
      isArray,
    };
  });
}

/** The class `@Type()` builds for a nested property, found by letting class-transformer build one. */
function nestedType(dto: Type, name: string, isArray: boolean): Type | null {
  const built = plainToInstance(dto, { [name]: isArray ? [{}] : {} }) as Record<string, unknown>;
  const value = isArray ? (built[name] as unknown[])[0] : built[name];
  const type = (value as object | undefined)?.constructor as Type | undefined;
  return type && type !== Object ? type : null;
}

function constraint(rule: FieldRule, name: string, index = 0): unknown {
  return rule.rules.get(name)?.constraints?.[index];
}

function lengthBounds(rule: FieldRule): { min: number; max: number } {
  const min = Math.max(
    Number(constraint(rule, 'isLength', 0) ?? 0),
    Number(constraint(rule, 'minLength') ?? 0),
  );
  const max = Math.min(
    Number(constraint(rule, 'isLength', 1) ?? Infinity),
    Number(constraint(rule, 'maxLength') ?? Infinity),
  );
  return { min, max };
}

/** Whether a number would pass the field's numeric rules: used to send only ones that break them. */
function numberPasses(rule: FieldRule, value: number): boolean {
  if (rule.rules.has('isInt') && !Number.isInteger(value)) return false;
  if (!Number.isFinite(value)) return false;
  const min = constraint(rule, 'min') as number | undefined;
  const max = constraint(rule, 'max') as number | undefined;
  if (min !== undefined && value < min) return false;
  if (max !== undefined && value > max) return false;
  if (rule.rules.has('notEquals') && value === constraint(rule, 'notEquals')) return false;
  return true;
}

const isNumeric = (rule: FieldRule) => rule.rules.has('isInt') || rule.rules.has('isNumber');
const FORMATS = ['isUuid', 'isEmail', 'isIso8601', 'isIn', 'isImageReference'];
const hasFormat = (rule: FieldRule) => FORMATS.some((name) => rule.rules.has(name));

// ---------------------------------------------------------------------------------------------
// A valid-shaped body.

/**
 * A body that passes the DTO's rules, every optional field included so each can be broken. Ids
 * come from `ids` by property name (productId, vendorId, ...), texts from the Swagger examples.
 */
export function sampleBody(dto: Type, ids: Readonly<Record<string, string>>): Body {
  const body: Body = {};
  for (const rule of fieldRules(dto)) body[rule.name] = sampleValue(dto, rule, ids);
  return body;
}

type Body = Record<string, unknown>;

function sampleValue(dto: Type, rule: FieldRule, ids: Readonly<Record<string, string>>): unknown {
  if (rule.nested) {
    const item = sampleBody(rule.nested, ids);
    return rule.isArray ? [item] : item;
  }
  const scalar = sampleScalar(dto, rule, ids);
  return rule.isArray ? [scalar] : scalar;
}

function sampleScalar(dto: Type, rule: FieldRule, ids: Readonly<Record<string, string>>): unknown {
  const choices = constraint(rule, 'isIn') as readonly unknown[] | undefined;
  if (choices) return choices[0];
  if (rule.rules.has('isUuid')) return ids[rule.name] ?? randomUUID();
  if (isNumeric(rule)) {
    return [1, 2, 0, -1].find((n) => numberPasses(rule, n)) ?? constraint(rule, 'min');
  }
  if (rule.rules.has('isBoolean')) return false;
  if (rule.rules.has('isIso8601')) return '2026-12-15';
  if (rule.rules.has('isEmail')) return 'hostile@example.com';
  if (rule.rules.has('isImageReference')) return 'https://images.example/hostile.jpg';
  const swagger = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, rule.name) as
    { example?: unknown } | undefined;
  const example = Array.isArray(swagger?.example) ? swagger.example[0] : swagger?.example;
  if (typeof example === 'string') return example;
  return 'a'.repeat(Math.max(1, lengthBounds(rule).min));
}

// ---------------------------------------------------------------------------------------------
// Raw JSON: numbers JSON.stringify cannot write, and keys an object literal cannot hold.

const RAW = '\u0001';
const RAW_KEY = '\u0002';
/** A value written into the JSON text as it is (`1e309`, a 5,000-level structure). */
const raw = (text: string) => `${RAW}${text}${RAW}`;
/** A key written into the JSON text as it is (`__proto__`). */
const rawKey = (name: string) => `${RAW_KEY}${name}${RAW_KEY}`;

function encode(body: unknown): string {
  return JSON.stringify(body)
    .replace(/"\\u0001(.*?)\\u0001"/g, (_, text: string) => JSON.parse(`"${text}"`) as string)
    .replace(/"\\u0002(.*?)\\u0002"/g, (_, name: string) => `"${name}"`);
}

const DEPTH = 5_000;
const deepObject = raw(`${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`);
const deepArray = raw(`${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}`);
const deepPoisoned = raw(
  `${'{"a":'.repeat(DEPTH)}{"__proto__":{"polluted":"yes"}}${'}'.repeat(DEPTH)}`,
);
const HUGE = 100_000;
const hugeString = 'x'.repeat(HUGE);

/** Keys that pollute a prototype when an object is merged carelessly. */
const POISONS: readonly (readonly [string, unknown])[] = [
  [rawKey('__proto__'), { polluted: 'yes' }],
  ['constructor', { prototype: { polluted: 'yes' } }],
  ['constructor', 'polluted'],
  ['constructor', { name: 'polluted' }],
  ['prototype', { polluted: 'yes' }],
];

type Path = readonly (string | number)[];

function clone(body: Body): Body {
  return structuredClone(body);
}

function at(body: Body, path: Path): Body {
  return path.reduce<Body>((node, key) => node[key] as Body, body);
}

function withValue(body: Body, path: Path, value: unknown): Body {
  const copy = clone(body);
  at(copy, path.slice(0, -1))[path[path.length - 1]] = value;
  return copy;
}

function without(body: Body, path: Path): Body {
  const copy = clone(body);
  delete at(copy, path.slice(0, -1))[path[path.length - 1]];
  return copy;
}

interface BodyCase {
  readonly kind: CaseKind;
  readonly label: string;
  readonly payload: string;
}

/** Every field of the DTO, nested ones through the first item, with the rules that apply. */
function fieldsOf(dto: Type, prefix: Path = []): { path: Path; rule: FieldRule }[] {
  return fieldRules(dto).flatMap((rule) => {
    const path = [...prefix, rule.name];
    const own = { path, rule };
    if (!rule.nested) return [own];
    return [own, ...fieldsOf(rule.nested, rule.isArray ? [...path, 0] : path)];
  });
}

/** The nested objects of a body (the root first): where unknown and poisoned keys go. */
function objectsOf(dto: Type, prefix: Path = []): Path[] {
  return [
    prefix,
    ...fieldRules(dto)
      .filter((rule) => rule.nested)
      .flatMap((rule) =>
        objectsOf(
          rule.nested as Type,
          rule.isArray ? [...prefix, rule.name, 0] : [...prefix, rule.name],
        ),
      ),
  ];
}

/** Values of the wrong kind for the field, each certain to break one of its rules. */
function wrongValues(rule: FieldRule, sample: unknown): [string, unknown][] {
  const values: [string, unknown][] = [
    ...(rule.rules.has('isBoolean') ? [] : [['a boolean', true] as [string, unknown]]),
    ['an object', { value: sample }],
  ];
  if (!rule.mayBeNull) values.push(['null', null]);
  if (rule.isArray) {
    values.push(['a string', 'x'], ['a number', 42], ['an array of null', [null]]);
    values.push(['an array of arrays', [sample]]);
    if (!isNumeric(rule)) values.push(['an array of numbers', [42]]);
    if (Number(constraint(rule, 'arrayMinSize') ?? 0) >= 1) values.push(['an empty array', []]);
    const max = constraint(rule, 'arrayMaxSize') as number | undefined;
    const item = (sample as unknown[])[0];
    if (max !== undefined) {
      values.push([`${max + 1} items`, Array.from({ length: max + 1 }, () => item)]);
    }
    return values;
  }
  values.push(['an empty array', []], ['an array of it', [sample]]);
  if (rule.nested) {
    values.push(['a string', 'x'], ['a number', 42]);
    if (fieldRules(rule.nested).some((nested) => !nested.mayBeAbsent)) {
      values.push(['an empty object', {}]);
    }
  } else if (isNumeric(rule)) {
    values.push(['a numeric string', '1'], ['the string "NaN"', 'NaN']);
  } else {
    values.push(['a number', 42]);
  }
  return values;
}

/** Numbers and number-like texts for numeric fields and amounts: only those the rules refuse. */
function badNumbers(rule: FieldRule): [string, unknown][] {
  const candidates: [string, number, unknown][] = [
    ['-1', -1, -1],
    ['0', 0, 0],
    ['0.5', 0.5, 0.5],
    ['-0.5', -0.5, -0.5],
    ['1.000001', 1.000001, 1.000001],
    ['1e308', 1e308, 1e308],
    ['-1e308', -1e308, -1e308],
    ['2^53 + 2', 2 ** 53 + 2, 2 ** 53 + 2],
    ['5e-324', 5e-324, 5e-324],
    ['1e309 (Infinity once parsed)', Infinity, raw('1e309')],
    ['-1e309', -Infinity, raw('-1e309')],
  ];
  const min = constraint(rule, 'min') as number | undefined;
  const max = constraint(rule, 'max') as number | undefined;
  if (min !== undefined) candidates.push([`min - 1`, min - 1, min - 1]);
  if (max !== undefined) candidates.push([`max + 1`, max + 1, max + 1]);
  return candidates
    .filter(([, value]) => !numberPasses(rule, value))
    .map(([label, , json]) => [label, json]);
}

function badTexts(rule: FieldRule): [string, unknown][] {
  const values: [string, unknown][] = [
    ['100k characters', hugeString],
    // JSON writes a lone surrogate as `\ud800`: text no UTF-8 can hold.
    ['a lone high surrogate', 'Kashan \uD800 Rug'],
    ['a lone low surrogate', '\uDFFFKashan'],
    ['surrogates in the wrong order', 'Kashan \uDC00\uD800'],
  ];
  if (rule.rules.has('plainText')) {
    values.push(
      ['a NUL', 'Kashan\u0000Rug'],
      ['an escape sequence', 'Kashan \u001b[31mRug'],
      ['a bidi override', 'Kashan \u202Egur'],
      ['a bidi isolate', 'Kashan \u2066Rug'],
    );
  }
  const { min } = lengthBounds(rule);
  if (min >= 1 || hasFormat(rule)) values.push(['empty', '']);
  if (String(constraint(rule, 'matches')) === '/\\S/') values.push(['blank', '   \t ']);
  if (rule.rules.has('isUuid')) {
    values.push(
      ['not a uuid', 'not-a-uuid'],
      ['a uuid with a bad digit', '00000000-0000-4000-8000-00000000000g'],
      ['a uuid and more', `${randomUUID()}x`],
      ['an sql fragment', "' OR '1'='1"],
    );
  }
  if (rule.rules.has('isIso8601')) {
    values.push(
      ['30 February', '2026-02-30'],
      ['yesterday', 'yesterday'],
      ['month 13', '2026-13-01'],
      ['a timestamp, not a day', '2026-12-15T10:00:00Z'],
      ['day first', '15/12/2026'],
      ['unpadded', '2026-1-5'],
      ['year 0 month 0', '0000-00-00'],
      ['zero', 0],
      ['epoch millis', 1_765_000_000_000],
    );
  }
  if (rule.rules.has('isEmail')) values.push(['no domain', 'a@'], ['no at', 'hostile.example.com']);
  const choices = constraint(rule, 'isIn') as readonly unknown[] | undefined;
  if (choices) {
    values.push(['not a choice', 'not-a-choice']);
    // Choices without letters (account codes) read the same in capitals.
    const capitals = String(choices[0]).toUpperCase();
    if (capitals !== String(choices[0])) values.push(['a choice in capitals', capitals]);
  }
  if (rule.rules.has('isImageReference')) {
    values.push(
      ['a javascript: url', 'javascript:alert(1)'],
      ['a file: url', 'file:///etc/passwd'],
    );
  }
  return values;
}

function bodyCases(dto: Type, base: Body): BodyCase[] {
  const cases: BodyCase[] = [];
  const add = (kind: CaseKind, label: string, body: unknown) =>
    cases.push({ kind, label, payload: encode(body) });

  for (const { path, rule } of fieldsOf(dto)) {
    const name = path.join('.');
    const sample: unknown = at(base, path);
    if (!rule.mayBeAbsent) add('validation', `${name} missing`, without(base, path));
    for (const [label, value] of wrongValues(rule, sample)) {
      add('validation', `${name} is ${label}`, withValue(base, path, value));
    }
    if (isNumeric(rule)) {
      for (const [label, value] of badNumbers(rule)) {
        add('validation', `${name} = ${label}`, withValue(base, path, value));
      }
    } else if (!rule.nested && !rule.isArray) {
      for (const [label, value] of badTexts(rule)) {
        add('validation', `${name} is ${label}`, withValue(base, path, value));
      }
    }
    const item = rule.isArray && !rule.nested ? (sample as unknown[])[0] : rule.isArray ? {} : 0;
    const hugeArray = Array.from({ length: HUGE }, () => item);
    add('validation', `${name} is an array of 100k items`, withValue(base, path, hugeArray));
    add('validation', `${name} is nested 5,000 objects deep`, withValue(base, path, deepObject));
    add('validation', `${name} is nested 5,000 arrays deep`, withValue(base, path, deepArray));
  }

  for (const path of objectsOf(dto)) {
    const where = path.length ? path.join('.') : 'the body';
    add('validation', `an unknown field in ${where}`, withValue(base, [...path, 'unexpected'], 1));
    for (const [key, value] of POISONS) {
      const shown = key.split(RAW_KEY).join('');
      const label = `"${shown}": ${JSON.stringify(value)} in ${where}`;
      add('prototype-key', label, withValue(base, [...path, key], value));
    }
  }
  const wide = clone(base);
  for (let i = 0; i < 20_000; i++) wide[`unexpected${i}`] = i;
  add('validation', '20,000 unknown fields', wide);
  add('validation', 'a 10,000-character unknown field name', { ...base, ['k'.repeat(10_000)]: 1 });
  add('validation', 'an unknown field 5,000 levels deep', { ...base, unexpected: deepObject });
  add('prototype-key', '"__proto__" 5,000 levels deep', { ...base, unexpected: deepPoisoned });

  // Bodies that are not an object at all.
  for (const [label, body] of [
    ['null', null],
    ['an array', []],
    ['an array of the body', [base]],
    ['a string', 'body'],
    ['a number', 42],
    ['a boolean', true],
    ['5,000 nested arrays', deepArray],
  ] as const) {
    add('validation', `the body is ${label}`, body);
  }
  if (fieldRules(dto).some((rule) => !rule.mayBeAbsent)) add('validation', 'the body is {}', {});
  return cases;
}

const MALFORMED_JSON: readonly [string, string][] = [
  ['an unclosed object', '{'],
  ['a missing value', '{"reason":}'],
  ['single quotes', "{'reason':'x'}"],
  ['a trailing comma', '{"reason":"x",}'],
  ['an unquoted key', '{reason:"x"}'],
  ['NaN', '{"quantity":NaN}'],
  ['Infinity', '{"quantity":Infinity}'],
  ['undefined', '{"quantity":undefined}'],
  ['a leading zero', '{"quantity":01}'],
  ['a bad escape', '{"reason":"\\x41"}'],
  ['two documents', '{"reason":"x"}{"reason":"y"}'],
  ['garbage after', '{"reason":"x"} garbage'],
  ['an unterminated string', '{"reason":"x'],
  ['whitespace only', '   '],
  ['a comment', '{/* hi */"reason":"x"}'],
  ['a bare word', 'true-ish'],
];

function formOf(body: Body): string {
  return Object.entries(body)
    .filter(([, value]) => typeof value !== 'object')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

const MALFORMED_IDS: readonly [string, string][] = [
  ['not-an-id', 'not-an-id'],
  ['zero', '0'],
  ['negative', '-1'],
  ['null', 'null'],
  ['undefined', 'undefined'],
  ['a space', '%20'],
  ['a NUL byte', '%00'],
  ['an sql fragment', encodeURIComponent("' OR '1'='1")],
  ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['a json object', encodeURIComponent('{"$gt":""}')],
  ['a right-to-left mark', '%E2%80%AE'],
  ['90 characters', 'a'.repeat(90)],
  ['5,000 characters', 'a'.repeat(5_000)],
  ['a bad percent-escape', '%zz'],
  ['1e308', '1e308'],
];

const MALFORMED_HEADERS: readonly [string, string][] = [
  ['idempotency-key', 'has spaces in it'],
  ['idempotency-key', 'k'.repeat(129)],
  ['idempotency-key', 'ключ'],
  ['idempotency-key', '<script>'],
  ['x-correlation-id', 'robert"); drop'],
  ['x-correlation-id', 'c'.repeat(500)],
];

/** Every malformed request for one route: body, JSON, media type, size, path and header faults. */
export function hostileCases(
  route: WriteRoute,
  base: Body | null,
  context: CaseContext,
): HostileCase[] {
  const cases: HostileCase[] = [];
  const json = { 'content-type': 'application/json' };
  const urlWith = (values: Readonly<Record<string, string>>) =>
    route.path.replace(/:(\w+)/g, (_, name: string) => values[name]);
  const realValues = Object.fromEntries(
    route.params.map((name) => [name, context.realParam(route, name)]),
  );
  const realUrl = urlWith(realValues);
  const add = (
    kind: CaseKind,
    label: string,
    payload: string | Buffer | undefined,
    headers: Record<string, string> = json,
    url = realUrl,
  ) => {
    const tooLarge = payload !== undefined && Buffer.byteLength(payload) > context.bodyLimit;
    cases.push({
      route,
      kind: tooLarge && kind === 'validation' ? 'too-large' : kind,
      label,
      url,
      headers,
      payload,
    });
  };

  // A body the route would act on where one is needed to reach a check past the body's own.
  const wellFormed = route.body && base && !context.neverWellFormed(route) ? encode(base) : null;
  const refused = encode({ ...(base ?? {}), unexpected: 'refused' });
  const carrier = route.body ? (wellFormed ?? refused) : undefined;

  if (route.body && base) {
    for (const body of bodyCases(route.body, base)) add(body.kind, body.label, body.payload);
    add('validation', 'an unknown field and an Idempotency-Key', refused, {
      ...json,
      'idempotency-key': `hostile-${randomUUID()}`,
    });
  }

  for (const [label, text] of MALFORMED_JSON) add('malformed-json', `JSON with ${label}`, text);
  add('malformed-json', 'an empty body sent as JSON', '');
  add('malformed-json', 'bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d]));

  const sent = carrier ?? '{}';
  const form = ['multipart/form-data; boundary=hostile', multipart(sent)] as const;
  if (route.uploads) {
    // Its own media type: a form whose only part is a text field still lacks the file.
    add('validation', 'a multipart form without its file', form[1], { 'content-type': form[0] });
  }
  for (const [type, payload] of [
    ['text/plain', sent],
    ['application/x-www-form-urlencoded', formOf(JSON.parse(sent) as Body) || 'reason=x'],
    ...(route.uploads ? [] : [form]),
    ['application/xml', '<reason>x</reason>'],
    ['text/html', '<p>x</p>'],
    ['application/octet-stream', sent],
    ['application/vnd.api+json', sent],
  ] as const) {
    add('media-type', `a body sent as ${type.split(';')[0]}`, payload, { 'content-type': type });
  }
  add('media-type', 'a body without a content type', sent, {});

  const padding = 'x'.repeat(context.bodyLimit);
  add('too-large', 'a body just over the limit', encode({ ...(base ?? {}), padding }));
  add('too-large', 'a body of 4 MiB', encode({ padding: 'x'.repeat(4 * 1024 * 1024) }));

  // A name in the path (an import profile's) is chosen by the caller, not looked up: any
  // well-formed one is a create, so only ids get the malformed and unknown cases.
  const idParams = route.params.filter((name) => /id$/i.test(name));
  for (const name of idParams) {
    for (const [label, id] of MALFORMED_IDS) {
      const url = urlWith({ ...realValues, [name]: id });
      add('malformed-id', `:${name} is ${label}`, carrier, carrier ? json : {}, url);
    }
    const unknown = urlWith({ ...realValues, [name]: context.unknownParam(route, name) });
    add('unknown-id', `:${name} is unknown`, carrier, carrier ? json : {}, unknown);
  }
  if (idParams.length > 1) {
    const unknown = urlWith({
      ...realValues,
      ...Object.fromEntries(idParams.map((name) => [name, context.unknownParam(route, name)])),
    });
    add('unknown-id', 'every id is unknown', carrier, carrier ? json : {}, unknown);
  }

  for (const [header, value] of MALFORMED_HEADERS) {
    const headers: Record<string, string> = { ...(carrier ? json : {}), [header]: value };
    add('header', `a malformed ${header}`, carrier, headers);
  }
  return cases;
}

function multipart(body: string): string {
  return [
    '--hostile',
    'Content-Disposition: form-data; name="body"',
    'Content-Type: application/json',
    '',
    body,
    '--hostile--',
    '',
  ].join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// Query strings of the read routes.

/** A read route and the DTO of its `@Query()`. */
export interface QueryRoute {
  readonly path: string;
  readonly params: readonly string[];
  readonly query: Type;
}

/** Every GET route that reads its query string through a DTO. */
export function discoverQueryRoutes(app: INestApplication): QueryRoute[] {
  const routes: QueryRoute[] = [];
  for (const { method, path, controller, handlerName } of controllerRoutes(app)) {
    if (method !== 'GET') continue;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ??
      {}) as Record<string, { index: number }>;
    const queryArg = Object.entries(args).find(
      ([key]) => Number(key.split(':')[0]) === RouteParamtypes.QUERY,
    );
    if (!queryArg) continue;
    const paramTypes = (Reflect.getMetadata(
      'design:paramtypes',
      controller.prototype as object,
      handlerName,
    ) ?? []) as Type[];
    const query = paramTypes[queryArg[1].index];
    if (!query || query === Object) continue;
    routes.push({ path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]), query });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** A query string every rule refuses, and the field the 400 must name. */
export interface QueryCase {
  readonly label: string;
  readonly url: string;
  readonly field: string;
}

/** Numbers in notations other than plain decimal: `Number()` reads them all, the API none. */
const NOT_DECIMAL = ['0x10', '1e300', '1e1', '0b1', '0o7', 'Infinity', ' 7', '7 ', '+7', '١٢'];

/**
 * For each text of the query (`q` above all): far too long, and ill-formed UTF-16; for each
 * number: every notation but decimal.
 */
export function hostileQueryCases(
  route: QueryRoute,
  realParam: (name: string) => string,
): QueryCase[] {
  const base = route.path.replace(/:(\w+)/g, (_, name: string) => realParam(name));
  const url = (name: string, value: string) =>
    `${base}?${new URLSearchParams({ ...requiredQuery(route.query), [name]: value }).toString()}`;
  const cases: QueryCase[] = [];
  for (const rule of fieldRules(route.query)) {
    if (isNumeric(rule)) {
      for (const text of NOT_DECIMAL) {
        cases.push({ label: `${rule.name}=${text}`, url: url(rule.name, text), field: rule.name });
      }
    } else if (rule.rules.has('isString')) {
      cases.push({
        label: `${rule.name} of 10,000 characters`,
        url: url(rule.name, 'x'.repeat(10_000)),
        field: rule.name,
      });
      cases.push({
        label: `${rule.name} with a lone surrogate`,
        url: `${url(rule.name, 'kashan')}%ED%A0%80`,
        field: rule.name,
      });
    }
  }
  return cases;
}

/** Fields a query must carry (`q` of the lookup), with a value that passes. */
function requiredQuery(dto: Type): Record<string, string> {
  return Object.fromEntries(
    fieldRules(dto)
      .filter((rule) => !rule.mayBeNull && !rule.mayBeAbsent)
      .map((rule) => [
        rule.name,
        String((constraint(rule, 'isIn') as readonly unknown[] | undefined)?.[0] ?? 'kashan'),
      ]),
  );
}
