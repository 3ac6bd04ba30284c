import { Injectable } from '@nestjs/common';

/** The time of the business; a test or a replay provides its own. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
