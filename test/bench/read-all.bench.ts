import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';

export interface ReadAllMeasurement {
  readonly events: number;
  readonly ms: number;
  readonly rssGrowthMb: number;
}

/**
 * Reads the whole log with JSON decoding, sampling RSS as it goes. Run in a fresh process
 * (see run-benchmarks) so that the growth measured is the reader's own.
 */
export async function measureReadAll(file: string): Promise<ReadAllMeasurement> {
  const store = new SqliteEventStore({ file });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let events = 0;
  let checksum = 0;
  const started = performance.now();
  for await (const event of store.readAll({ pageSize: 2000 })) {
    events += 1;
    checksum += (event.data as { quantity: number }).quantity;
    if ((events & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  await store.close();
  if (checksum <= 0) throw new Error('the log held no decodable data');
  return { events, ms, rssGrowthMb: (peak - baseline) / 1024 / 1024 };
}
