import type { ConsolidationPolicy } from '../vendors/vendor.events';

/**
 * Which open PO a vendor's line belongs on, as a key: one PO per order, per calendar day or ISO
 * week in the store's time zone, or one until staff submit it. Pure: the time is the order's own,
 * so a replay puts every line on the same PO as the first time.
 */
export function consolidationWindow(
  policy: ConsolidationPolicy,
  orderedAt: string,
  timeZone: string,
  backorderId: string,
): string {
  switch (policy) {
    case 'per-order':
      return `order:${backorderId}`;
    case 'daily':
      return `day:${localDate(orderedAt, timeZone)}`;
    case 'weekly':
      return `week:${isoWeek(localDate(orderedAt, timeZone))}`;
    case 'manual':
      return 'manual';
    default: {
      const unknown: never = policy;
      return unknown;
    }
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(instant: string, timeZone: string): string {
  // Building a formatter costs far more than using one: keep one per zone.
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** ISO 8601 week of a calendar date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 604_800_000) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
