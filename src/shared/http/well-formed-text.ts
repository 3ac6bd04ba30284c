import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { type ValidationArguments, ValidateBy } from 'class-validator';

/**
 * A lone UTF-16 surrogate (JSON can carry one as `\ud800`), or the replacement character that
 * bytes not in UTF-8 decode to: text that cannot be stored, compared or encoded faithfully (an id
 * derived with `encodeURIComponent` threw on it).
 */
const ILL_FORMED = /[\uD800-\uDFFF\uFFFD]/u;

export const ILL_FORMED_MESSAGE = 'must be well-formed Unicode text (UTF-8, no lone surrogates)';

export function isIllFormed(text: string): boolean {
  return ILL_FORMED.test(text);
}

/**
 * Control characters (NUL, ESC and the rest of C0 and C1, tabs and line breaks too) and the bidi
 * embeddings, overrides and isolates that make a name read differently from what it holds.
 */
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * A name or label: stored NFC-normalised (`é` typed as one character or as e and an accent is one
 * text), without control characters.
 */
export const PlainText = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.normalize('NFC') : value,
    ),
    ValidateBy({
      name: 'plainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacters(value),
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} must not hold control characters (NUL, escape codes, direction overrides)`,
      },
    }),
  );
