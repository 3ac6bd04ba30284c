import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** A path parameter that must match a pattern (a line id like `L2`), refused with a 400 naming it. */
export class PatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: string,
    private readonly pattern: RegExp,
    private readonly description: string,
  ) {}

  transform(value: string): string {
    if (!this.pattern.test(value)) {
      throw new BadRequestException({
        message: 'Validation failed',
        fields: [{ field: this.name, errors: [this.description] }],
      });
    }
    return value;
  }
}
