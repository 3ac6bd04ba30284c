import {
  type CollectionSpec,
  type Document,
  type FieldRange,
  type FieldValue,
  type FindOptions,
  ReadModelQueryError,
  type SortDirection,
  type Where,
} from './read-model-store.port';

/**
 * What both read-model adapters agree on before they speak their own query language: which names
 * are legal, which fields may be filtered and sorted, how cursors look. Keeping it here makes the
 * two adapters accept and refuse exactly the same queries.
 */

// No double underscore: adapters use `__` to name the tables they keep beside a collection.
const COLLECTION_NAME = /^(?=.{1,63}$)[a-z](?:_?[a-z0-9])*$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export type Operator = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

export interface Condition {
  readonly field: string;
  readonly multi: boolean;
  readonly op: Operator;
  /** An array for `in`, a single value otherwise. */
  readonly value: FieldValue | readonly FieldValue[];
}

export interface SortKey {
  readonly field: string;
  readonly direction: SortDirection;
}

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) {
    throw new ReadModelQueryError(
      `collection name ${name} must be snake_case, at most 63 characters`,
    );
  }
}

export function assertCollectionSpec(spec: CollectionSpec): void {
  assertCollectionName(spec.name);
  for (const field of [...(spec.indexes ?? []).map((i) => i.field), ...(spec.textFields ?? [])]) {
    // Top-level names starting with _ are the stores' own (_id, _position in MongoDB).
    if (!FIELD_PATH.test(field) || field === 'id' || field.startsWith('_')) {
      throw new ReadModelQueryError(`field ${field} of ${spec.name} cannot be declared`);
    }
  }
}

/** Validates a filter against the declared indexes and flattens it to conditions. */
export function normalizeWhere(spec: CollectionSpec, where: Where = {}): Condition[] {
  const conditions: Condition[] = [];
  for (const [field, condition] of Object.entries(where)) {
    if (condition === undefined) continue;
    const multi = fieldKind(spec, field) === 'multi';
    if (!isRange(condition)) {
      conditions.push({ field, multi, op: 'eq', value: scalar(field, condition) });
      continue;
    }
    for (const [op, value] of Object.entries(condition) as [Operator, unknown][]) {
      if (value === undefined) continue;
      if (!['eq', 'in', 'gt', 'gte', 'lt', 'lte'].includes(op)) {
        throw new ReadModelQueryError(`operator ${op} on ${field} is not supported`);
      }
      if (op === 'in') {
        if (!Array.isArray(value)) throw new ReadModelQueryError(`in on ${field} takes an array`);
        conditions.push({ field, multi, op, value: value.map((v) => scalar(field, v)) });
      } else {
        const v = scalar(field, value);
        if (op !== 'eq' && (v === null || typeof v === 'boolean')) {
          throw new ReadModelQueryError(`${op} on ${field} takes a number or a string`);
        }
        conditions.push({ field, multi, op, value: v });
      }
    }
  }
  return conditions;
}

export function normalizeSort(spec: CollectionSpec, sort: FindOptions['sort'] = []): SortKey[] {
  const keys = sort.map(([field, direction]) => {
    if (direction !== 'asc' && direction !== 'desc') {
      throw new ReadModelQueryError(`sort direction of ${field} must be asc or desc`);
    }
    if (fieldKind(spec, field) === 'multi') {
      throw new ReadModelQueryError(`${field} holds many values and cannot be sorted on`);
    }
    return { field, direction };
  });
  // The id breaks ties so that every sort is total and cursors never skip or repeat.
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', direction: 'asc' });
  return keys.slice(0, keys.findIndex((k) => k.field === 'id') + 1);
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ReadModelQueryError('limit must be a positive whole number');
  }
  return Math.min(limit, MAX_LIMIT);
}

/** The sort values of the last item of a page, as an opaque token for the next page. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): FieldValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ReadModelQueryError('cursor is not one this store issued');
  }
  // Plain values only: a forged cursor must not smuggle an operator or object into a query.
  if (!Array.isArray(values) || values.length !== length || !values.every(isFieldValue)) {
    throw new ReadModelQueryError('cursor does not belong to this query');
  }
  return values;
}

export function decodeOffsetCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const [offset] = decodeCursor(cursor, 1);
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) {
    throw new ReadModelQueryError('cursor does not belong to this query');
  }
  return offset as number;
}

export function readPath(document: Document, path: string): unknown {
  let value: unknown = document;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Words of a search text, as the full-text indexes split them (letters and digits). */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 32);
}

export function fieldKind(spec: CollectionSpec, field: string): 'id' | 'single' | 'multi' {
  if (field === 'id') return 'id';
  const index = spec.indexes?.find((i) => i.field === field);
  if (!index) {
    throw new ReadModelQueryError(`${field} is not an indexed field of ${spec.name}`);
  }
  return index.multi ? 'multi' : 'single';
}

function isRange(condition: FieldValue | FieldRange): condition is FieldRange {
  return condition !== null && typeof condition === 'object' && !Array.isArray(condition);
}

function scalar(field: string, value: unknown): FieldValue {
  if (isFieldValue(value)) return value;
  throw new ReadModelQueryError(
    `${field} can only be compared with a string, number, boolean or null`,
  );
}

export function isFieldValue(value: unknown): value is FieldValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
