import { NotFoundException } from '@nestjs/common';

/** A query's answer, or a 404 naming what was not found. */
export function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new NotFoundException(`${what} ${id} does not exist`);
  return value;
}
