import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/** A path or query id that must be a UUID, refused with a 400 naming the parameter like any field. */
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw new BadRequestException({
        message: 'Validation failed',
        fields: [{ field, errors: [`${field} must be a UUID`] }],
      });
    }
    return value;
  }
}
