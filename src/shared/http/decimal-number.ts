import { Transform } from 'class-transformer';

/** Plain decimal notation, as people type numbers: `42`, `-3`, `150.5`. */
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,6})?$/;

/**
 * A number read from a query string in decimal notation only. `Number()` (and class-transformer's
 * `@Type(() => Number)`) also takes `0x10`, `1e300`, `0b1`, ` 7 ` and `Infinity`: such text is left
 * as it is, so the number check after this one refuses it with a 400.
 */
export const DecimalNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value,
  );

/** Whether text is a whole number in decimal notation (a cursor, a count). */
export function isDecimalInteger(text: string): boolean {
  return /^\d{1,15}$/.test(text);
}
