import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/** A `$ref` followed into the document's components, or the schema itself. */
function resolved(document: OpenAPIObject, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name] as Schema | undefined;
  if (!target) throw new Error(`the document refers to a missing schema ${ref}`);
  return target;
}

/**
 * The fields of a schema that carry no example, as dotted paths: a field is shown by its own
 * example, or by examples on everything inside it (an object's fields, an array's items).
 */
export function fieldsWithoutExample(
  document: OpenAPIObject,
  schema: Schema,
  at = '',
  seen = new Set<Schema>(),
): string[] {
  if ('example' in schema || 'examples' in schema) return [];
  const target = resolved(document, schema);
  if (target !== schema) {
    if (seen.has(target)) return [];
    seen.add(target);
    return fieldsWithoutExample(document, target, at, seen);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[key] as Schema[] | undefined;
    if (parts) return parts.flatMap((part) => fieldsWithoutExample(document, part, at, seen));
  }
  if (schema.type === 'array' && schema.items) {
    return fieldsWithoutExample(document, schema.items as Schema, `${at}[]`, seen);
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties && Object.keys(properties).length > 0) {
    return Object.entries(properties).flatMap(([name, property]) =>
      fieldsWithoutExample(document, property, at ? `${at}.${name}` : name, seen),
    );
  }
  // A binary part of an upload is a file, not a value to show.
  if (schema.format === 'binary') return [];
  return [at || '(the whole body)'];
}
