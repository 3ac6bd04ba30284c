import { join } from 'node:path';
import type { NewEvent } from '../../src/shared/eventstore/event-envelope';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { newEvent } from '../support/events';
import { type BenchRow, percentile, rate, thousands } from './bench-table';

/** A realistic event: a backorder line of a few hundred bytes. */
export function sampleEvent(n: number): NewEvent {
  return newEvent('BackorderLineAdded', {
    backorderId: `bo-${n % 100_000}`,
    lineId: `line-${n}`,
    product: {
      vendorId: 'v-7',
      sku: `HRZ-${n % 5000}-58`,
      name: 'Heriz Persian 5\'3" x 7\'6"',
      color: 'Navy',
    },
    quantity: 1 + (n % 3),
    unitPrice: { amount: 129_900, currency: 'USD' },
  });
}

export async function benchBatchAppends(dir: string, total: number): Promise<BenchRow> {
  const store = new SqliteEventStore({ file: join(dir, 'batch.sqlite') });
  const started = performance.now();
  for (let n = 0; n < total; n += 100) {
    const events = Array.from({ length: 100 }, (_, i) => sampleEvent(n + i));
    await store.append(`backorder-${(n / 100) % 10_000}`, events, 'any');
  }
  const ms = performance.now() - started;
  await store.close();
  const perSecond = rate(total, ms);
  return {
    benchmark: `sqlite append, batches of 100 (${thousands(total)} events)`,
    target: '>= 50,000 events/s',
    measured: `${thousands(perSecond)} events/s`,
    met: perSecond >= 50_000,
  };
}

export async function benchConcurrentAppends(
  dir: string,
  total: number,
  callers = 100,
): Promise<BenchRow> {
  const store = new SqliteEventStore({ file: join(dir, 'concurrent.sqlite') });
  const latencies: number[] = [];
  let next = 0;
  const caller = async (id: number) => {
    let revision: number | 'no_stream' = 'no_stream';
    while (next < total) {
      next += 1;
      const sent = performance.now();
      const result = await store.append(`caller-${id}`, [sampleEvent(next)], revision);
      latencies.push(performance.now() - sent);
      revision = result.nextExpectedRevision;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, (_, id) => caller(id)));
  const ms = performance.now() - started;
  await store.close();
  latencies.sort((a, b) => a - b);
  const perSecond = rate(latencies.length, ms);
  return {
    benchmark: `sqlite append, ${callers} concurrent callers x 1 event, synchronous=FULL (${thousands(total)} events)`,
    target: '>= 5,000 acknowledged events/s',
    measured: `${thousands(perSecond)} events/s; p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
    met: perSecond >= 5_000,
  };
}

/**
 * Fills a log with `total` events: appends of 2 events rotating over 100,000 streams, so that
 * streams interleave as real traffic does (10 events per stream for a million events).
 */
export async function fillLog(file: string, total: number): Promise<void> {
  const store = new SqliteEventStore({ file });
  const inFlight = 500;
  for (let n = 0; n < total; n += 2 * inFlight) {
    const pending: Promise<unknown>[] = [];
    for (let k = n; k < Math.min(n + 2 * inFlight, total); k += 2) {
      pending.push(
        store.append(`backorder-${(k / 2) % 100_000}`, [sampleEvent(k), sampleEvent(k + 1)], 'any'),
      );
    }
    await Promise.all(pending);
  }
  await store.close();
}
