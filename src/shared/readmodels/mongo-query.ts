import type { Filter, Document as MongoDocument } from 'mongodb';
import type { Position } from '../eventstore/event-envelope';
import { type Condition, readPath, type SortKey } from './read-model-query';
import type { FieldValue } from './read-model-store.port';

/**
 * The read-model query conditions and keyset cursors of `read-model-query`, in MongoDB's filter
 * language, with the meaning the SQLite adapter gives them.
 */

/**
 * A read-model document as kept: its own fields at the top level, so that declared paths index
 * unchanged, beside the reserved `_id` (the document id) and `_position`.
 */
export interface StoredRecord extends MongoDocument {
  _id: string;
  _position: Position;
}

export type MongoFilter = Filter<StoredRecord>;

/** No document has an `_id` in an empty list. */
const NOTHING: MongoFilter = { _id: { $in: [] } };

/** Documents keep their own fields at the top level; only the id lives elsewhere. */
export function fieldPath(field: string): string {
  return field === 'id' ? '_id' : field;
}

export function allOf(filters: readonly MongoFilter[]): MongoFilter {
  if (filters.length === 0) return {};
  return filters.length === 1 ? filters[0] : { $and: [...filters] };
}

function anyOf(filters: readonly MongoFilter[]): MongoFilter {
  if (filters.length === 0) return NOTHING;
  return filters.length === 1 ? filters[0] : { $or: [...filters] };
}

export function conditionFilter(condition: Condition): MongoFilter {
  const path = fieldPath(condition.field);
  if (condition.op === 'eq' || condition.op === 'in') {
    const values =
      condition.op === 'in' ? (condition.value as readonly FieldValue[]) : [condition.value];
    if (condition.multi) {
      // As the SQLite side tables: only non-null elements of an array value ever match.
      const elements = values.filter((v) => v !== null);
      return elements.length > 0 ? { [path]: { $elemMatch: { $in: elements } } } : NOTHING;
    }
    // Equality with null also matches a missing field, as SQLite's `IS NULL` does.
    return values.length === 1 ? { [path]: { $eq: values[0] } } : { [path]: { $in: values } };
  }
  const comparison = { [`$${condition.op}`]: condition.value };
  return condition.multi ? { [path]: { $elemMatch: comparison } } : { [path]: comparison };
}

/**
 * Documents strictly after the cursor in the sort order. MongoDB sorts null and missing values
 * first ascending and last descending, as SQLite sorts NULL; each key's "after" respects that,
 * so documents missing a sort field are neither skipped nor repeated.
 */
export function keysetFilter(sort: readonly SortKey[], values: readonly FieldValue[]): MongoFilter {
  const alternatives: MongoFilter[] = [];
  sort.forEach((key, i) => {
    const path = fieldPath(key.field);
    const value = values[i];
    let after: MongoFilter;
    if (key.direction === 'asc') {
      after = value === null ? { [path]: { $ne: null } } : { [path]: { $gt: value } };
    } else {
      if (value === null) return;
      after = { $or: [{ [path]: { $lt: value } }, { [path]: { $eq: null } }] };
    }
    const same = sort.slice(0, i).map((k, j) => ({ [fieldPath(k.field)]: { $eq: values[j] } }));
    alternatives.push(allOf([...same, after]));
  });
  return anyOf(alternatives);
}

/**
 * The sort values of the last document of a page, null where it has no plain value, then its id:
 * what `keysetFilter` continues from.
 */
export function cursorValues(sort: readonly SortKey[], last: StoredRecord): FieldValue[] {
  return sort.map((k) => {
    if (k.field === 'id') return last._id;
    const value = readPath(last, k.field);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : null;
  });
}
