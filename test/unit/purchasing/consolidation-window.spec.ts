import {
  consolidationWindow,
  isoWeek,
  localDate,
} from '../../../src/purchasing/consolidation-window';

describe('consolidation window', () => {
  it('gives each order its own PO under per-order', () => {
    expect(consolidationWindow('per-order', '2026-11-25T10:00:00Z', 'UTC', 'bo-1')).toBe(
      'order:bo-1',
    );
  });

  it('collects a calendar day in the store time zone under daily', () => {
    // 03:00 UTC on the 25th is still the evening of the 24th in New York.
    expect(consolidationWindow('daily', '2026-11-25T03:00:00Z', 'America/New_York', 'x')).toBe(
      'day:2026-11-24',
    );
    expect(consolidationWindow('daily', '2026-11-25T03:00:00Z', 'Europe/Paris', 'x')).toBe(
      'day:2026-11-25',
    );
  });

  it('collects an ISO week under weekly, across year ends', () => {
    expect(consolidationWindow('weekly', '2026-11-25T12:00:00Z', 'UTC', 'x')).toBe('week:2026-W48');
    for (const [date, week] of [
      ['2026-01-01', '2026-W01'],
      ['2025-12-29', '2026-W01'],
      ['2021-01-03', '2020-W53'],
      ['2021-01-04', '2021-W01'],
      ['2024-12-30', '2025-W01'],
      ['2027-01-03', '2026-W53'],
    ]) {
      expect(isoWeek(date)).toBe(week);
    }
  });

  it('keeps one open PO until staff submit it under manual', () => {
    expect(consolidationWindow('manual', '2026-11-25T12:00:00Z', 'UTC', 'x')).toBe('manual');
  });

  it('reads the local date of an instant', () => {
    expect(localDate('2026-12-31T23:30:00Z', 'Asia/Tokyo')).toBe('2027-01-01');
  });
});
