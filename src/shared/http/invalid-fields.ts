import { BadRequestException } from '@nestjs/common';

/**
 * The 400 every refusal of input answers with, whoever refuses it (the validation pipe, a path
 * pipe, an upload): `{ message: 'Validation failed', fields: [{ field, errors }] }`.
 */
export function invalidFields(faults: Readonly<Record<string, string | readonly string[]>>) {
  return new BadRequestException({
    message: 'Validation failed',
    fields: Object.entries(faults).map(([field, errors]) => ({
      field,
      errors: typeof errors === 'string' ? [errors] : [...errors],
    })),
  });
}
