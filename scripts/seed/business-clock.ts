import type { Clock } from '../../src/shared/time/clock';

const DAY_MS = 86_400_000;

/**
 * Moves the application's business time back for a part of the seed, so that orders, deposits,
 * receipts and payments carry dates months apart (the money views and the recognition policies
 * then have several months to show). The log's own recordedAt stays the real time.
 */
export class BusinessClock {
  private readonly realNow: () => Date;

  constructor(private readonly clock: Clock) {
    this.realNow = clock.now.bind(clock);
  }

  /** Business time runs from this many days ago until the next call. */
  daysAgo(days: number): void {
    const offset = days * DAY_MS;
    this.clock.now = () => new Date(this.realNow().getTime() - offset);
  }

  /** Back to the real time. */
  restore(): void {
    this.clock.now = this.realNow;
  }
}
