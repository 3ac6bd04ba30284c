import { type PipeTransform } from '@nestjs/common';
import { invalidFields } from './invalid-fields';

/** A path parameter that must match a pattern (a line id like `L2`), refused with a 400 naming it. */
export class PatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: string,
    private readonly pattern: RegExp,
    private readonly description: string,
  ) {}

  transform(value: string): string {
    if (!this.pattern.test(value)) {
      throw invalidFields({ [this.name]: this.description });
    }
    return value;
  }
}
