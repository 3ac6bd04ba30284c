import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The JSON schema of a value's shape: what a generated client types the answer as. Every field
 * the example holds is required; a field that is null in the example may hold anything.
 */
export function schemaOf(value: unknown): SchemaObject {
  if (value === null || value === undefined) return {};
  if (Array.isArray(value)) {
    return { type: 'array', items: value.length > 0 ? schemaOf(value[0]) : {} };
  }
  switch (typeof value) {
    case 'string':
      if (UUID.test(value)) return { type: 'string', format: 'uuid' };
      if (DATE_TIME.test(value)) return { type: 'string', format: 'date-time' };
      if (DATE.test(value)) return { type: 'string', format: 'date' };
      return { type: 'string' };
    case 'number':
      return { type: Number.isInteger(value) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const entries = Object.entries(value);
      return {
        type: 'object',
        properties: Object.fromEntries(entries.map(([key, field]) => [key, schemaOf(field)])),
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
  example: unknown,
  description = 'Done',
): MethodDecorator =>
  ApiResponse({ status, description, schema: { ...schemaOf(example), example } });

/** A success answer that is a file's bytes, in one of these media types. */
export const ApiBinaryAnswer = (description: string, mediaTypes: readonly string[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
