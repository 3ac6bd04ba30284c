import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { ILL_FORMED_MESSAGE, isIllFormed } from './well-formed-text';

export interface FieldError {
  readonly field: string;
  readonly errors: readonly string[];
}

/**
 * Deeper than any command goes (a line's price is three levels down) and far short of the ~2,000
 * levels at which class-transformer's recursive copy overflows the stack, which was a 500.
 */
const MAX_DEPTH = 32;
/**
 * More items or fields than any command has: refused before they are copied and validated one by
 * one (100,000 items took seconds and answered with megabytes of errors).
 */
const MAX_ENTRIES = 1_000;
/** Nest's pipe deletes these keys silently and acts on the rest; unknown fields are refused. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The one validation pipe: unknown fields are refused, not dropped, and a 400 names every
 * field at fault with its dotted path (`lines.0.quantity`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ShapeCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Validation failed', fields: flattenErrors(errors) }),
  });
}

export function flattenErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenErrors(error.children ?? [], field)];
  });
}

/** Refuses what the class-based validation cannot take safely before it starts on it. */
class ShapeCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const faults =
        metadata.type === 'body' && value === null
          ? [{ field: 'body', errors: ['the body must be a JSON object, not null'] }]
          : metadata.type === 'param'
            ? textFaults(value, metadata.data ?? 'param')
            : shapeFaults(value);
      if (faults.length > 0) {
        throw new BadRequestException({ message: 'Validation failed', fields: faults });
      }
    }
    return super.transform(value, metadata);
  }
}

/** Ill-formed text (a lone surrogate, bytes not in UTF-8) in any string: a 400, never a 500. */
function textFaults(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'string' || !isIllFormed(value)) return [];
  return [{ field, errors: [`${field} ${ILL_FORMED_MESSAGE}`] }];
}

/**
 * Too deep, too many entries, a prototype key, ill-formed text: walked without recursion, so any
 * depth is safe.
 */
function shapeFaults(root: unknown): FieldError[] {
  const faults: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    const field = path || 'body';
    if (typeof value === 'string') faults.push(...textFaults(value, field));
    if (value === null || typeof value !== 'object') continue;
    const entries = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (depth >= MAX_DEPTH) {
      faults.push({ field, errors: [`${field} is nested more than ${MAX_DEPTH} levels deep`] });
    } else if (entries > MAX_ENTRIES) {
      faults.push({ field, errors: [`${field} has more than ${MAX_ENTRIES} entries`] });
    } else {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) {
          faults.push({ field: childPath, errors: [`property ${key} should not exist`] });
        } else if (isIllFormed(key)) {
          faults.push({ field: childPath, errors: [`the name ${ILL_FORMED_MESSAGE}`] });
        } else {
          pending.push({ value: child, path: childPath, depth: depth + 1 });
        }
      }
    }
  }
  return faults;
}
