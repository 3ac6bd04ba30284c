import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { invalidFields } from './invalid-fields';

/** A path or query id that must be a UUID, refused with a 400 naming the parameter like any field. */
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw invalidFields({ [field]: `${field} must be a UUID` });
    }
    return value;
  }
}
