import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Keys of a map keyed by entity (a UUID) or by line (`L1`, `I2`), not the fields of a record. */
const ID_KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z]{1,2}\d+)$/i;

/** A real answer, and the fields it shows filled that other answers send as null. */
export class AnswerExample {
  constructor(
    readonly example: unknown,
    /** Dotted paths; `[]` steps into a list's items, `{}` into a map's values. */
    readonly nullable: readonly string[] = [],
  ) {}
}

export const answer = (example: unknown, nullable: readonly string[] = []) =>
  new AnswerExample(example, nullable);

/**
 * The JSON schema of a value's shape: what a generated client types the answer as. Every field
 * the example holds is required; a field that is null in the example may hold anything.
 */
export function schemaOf(
  value: unknown,
  nullable: ReadonlySet<string> = new Set(),
  at = '',
): SchemaObject {
  const schema = shapeOf(value, nullable, at);
  return schema.type && nullable.has(at) ? { ...schema, nullable: true } : schema;
}

function shapeOf(value: unknown, nullable: ReadonlySet<string>, at: string): SchemaObject {
  if (value === null || value === undefined) return {};
  if (Array.isArray(value)) {
    return {
      type: 'array',
      items: value.length > 0 ? schemaOf(value[0], nullable, `${at}[]`) : {},
    };
  }
  switch (typeof value) {
    case 'string':
      if (UUID.test(value)) return { type: 'string', format: 'uuid' };
      if (DATE_TIME.test(value)) return { type: 'string', format: 'date-time' };
      if (DATE.test(value)) return { type: 'string', format: 'date' };
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([key]) => ID_KEY.test(key))) {
        return {
          type: 'object',
          additionalProperties: schemaOf(entries[0][1], nullable, `${at}{}`),
        };
      }
      const path = (key: string) => (at ? `${at}.${key}` : key);
      return {
        type: 'object',
        properties: Object.fromEntries(
          entries.map(([key, field]) => [key, schemaOf(field, nullable, path(key))]),
        ),
        required: entries.map(([key]) => key),
      };
    }
    default:
      throw new Error(`no JSON schema for a ${typeof value}`);
  }
}

/**
 * A route's success answer in the OpenAPI document, shown by a real answer: its schema follows
 * from the example, so the two cannot disagree.
 */
export const ApiAnswer = (
  status: number,
  shown: unknown,
  description = 'Done',
): MethodDecorator => {
  const { example, nullable } = shown instanceof AnswerExample ? shown : answer(shown);
  return ApiResponse({
    status,
    description,
    schema: { ...schemaOf(example, new Set(nullable)), example },
  });
};

/** A success answer that is a file's bytes, in one of these media types. */
export const ApiBinaryAnswer = (description: string, mediaTypes: readonly string[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
