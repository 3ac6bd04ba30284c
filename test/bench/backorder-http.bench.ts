import autocannon from 'autocannon';
import { join } from 'node:path';
import { newEventId } from '../../src/shared/eventstore/event-ids';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import { metadata } from '../support/events';
import { type BenchRow, percentile, thousands } from './bench-table';
import { type ServerProcess, startServer, waitCaughtUp } from './server-process';

export interface BackorderBenchOptions {
  readonly dataDir: string;
  readonly port: number;
  /** Seconds of sustained placement load. */
  readonly seconds: number;
  /** Events the log holds when timelines are read. */
  readonly logSize: number;
}

interface Shop {
  readonly customers: string[];
  readonly products: string[];
}

/**
 * Issue 3's three figures on the real server process: sustained placement of 2-line backorders
 * over HTTP (validation, decide, durable append, and the PO reactor and projections running in the
 * same process), the delay from an acknowledged placement to the order being readable, and timeline
 * reads once the log holds a million events.
 */
export async function benchBackorders(
  options: BackorderBenchOptions,
  step: (text: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let server = await startServer(options.dataDir, options.port);
  try {
    step('seeding vendors, products and customers ...');
    const shop = await seed(server);

    step(`placing 2-line backorders for ${options.seconds} s with 50 connections ...`);
    const load = await placementLoad(server, shop, { connections: 50, seconds: options.seconds });
    const drainMs = await waitCaughtUp(server);
    const rate = Math.round(load.placed / options.seconds);
    rows.push({
      benchmark: `place a 2-line backorder over HTTP, 50 connections, ${options.seconds} s (${thousands(load.placed)} orders)`,
      target: '>= 1,500 orders/s, p99 <= 50 ms',
      measured: `${thousands(rate)} orders/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.failed} failed; reactors and projections caught up ${(drainMs / 1000).toFixed(1)} s after`,
      met: rate >= 1500 && load.p99 <= 50 && load.failed === 0,
    });

    step('measuring the delay to readable at 500 orders/s ...');
    const lag = await lagAtRate(server, shop, 500, Math.min(options.seconds, 20));
    rows.push({
      benchmark: `placement to readable in GET /backorders/:id at ${lag.rate} orders/s (${lag.samples} probes)`,
      target: 'p99 <= 100 ms',
      measured: `p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms`,
      met: lag.p99 <= 100,
    });

    await server.stop();
    step(`growing the log to ${thousands(options.logSize)} events ...`);
    const logged = await growLog(join(options.dataDir, 'events.sqlite'), options.logSize);
    server = await startServer(options.dataDir, options.port);
    const catchUpMs = await waitCaughtUp(server);
    step('reading timelines ...');
    const timeline = await timelineReads(server, lag.orderIds, 10);
    rows.push({
      benchmark: `GET /backorders/:id/timeline with ${thousands(logged)} events in the store (${thousands(timeline.requests)} reads)`,
      target: 'p99 <= 10 ms',
      measured: `p50 ${timeline.p50} ms, p99 ${timeline.p99} ms; the restarted server caught up in ${(catchUpMs / 1000).toFixed(1)} s`,
      met: timeline.p99 <= 10,
    });
  } finally {
    await server.stop();
  }
  return rows;
}

async function seed(server: ServerProcess): Promise<Shop> {
  const vendors: string[] = [];
  for (let v = 0; v < 5; v++) {
    const { id } = await server.json<{ id: string }>('POST', '/vendors', {
      name: `Vendor ${v + 1}`,
      leadTimeDays: 14 + v * 7,
      consolidation: 'daily',
    });
    vendors.push(id);
  }
  const products = await Promise.all(
    Array.from({ length: 200 }, async (_, p) => {
      const { id } = await server.json<{ id: string }>('POST', '/products', {
        vendorId: vendors[p % vendors.length],
        vendorSku: `SKU-${p}`,
        name: `Heriz Persian ${p}`,
        collection: 'Heritage',
        color: ['Navy', 'Ivory', 'Rust'][p % 3],
        size: `5'3" x 7'6"`,
        cost: { amount: 40000 + p, currency: 'USD' },
        retailPrice: { amount: 99900 + p, currency: 'USD' },
      });
      return id;
    }),
  );
  const customers = await Promise.all(
    Array.from({ length: 500 }, async (_, c) => {
      const { id } = await server.json<{ id: string }>('POST', '/customers', {
        name: `Customer ${c}`,
        email: `customer${c}@example.com`,
      });
      return id;
    }),
  );
  await waitCaughtUp(server);
  return { customers, products };
}

function orderBody(shop: Shop, n: number): string {
  const pick = (list: string[], k: number) => list[(n * 7919 + k * 104729) % list.length];
  return JSON.stringify({
    customerId: pick(shop.customers, 1),
    lines: [
      { productId: pick(shop.products, 2), quantity: 1 },
      { productId: pick(shop.products, 3), quantity: 2 },
    ],
  });
}

async function placementLoad(
  server: ServerProcess,
  shop: Shop,
  options: { connections: number; seconds: number },
) {
  let n = 0;
  const result = await autocannon({
    url: `${server.url}/backorders`,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: server.authorization },
    requests: [{ setupRequest: (request) => ({ ...request, body: orderBody(shop, n++) }) }],
  });
  return {
    placed: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Background load at a fixed rate, while a probe places orders one by one and reads each back. */
async function lagAtRate(server: ServerProcess, shop: Shop, rate: number, seconds: number) {
  let n = 1_000_000;
  const background = autocannon({
    url: `${server.url}/backorders`,
    connections: 20,
    duration: seconds,
    overallRate: rate,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: server.authorization },
    requests: [{ setupRequest: (request) => ({ ...request, body: orderBody(shop, n++) }) }],
  });
  const delays: number[] = [];
  const orderIds: string[] = [];
  const until = Date.now() + seconds * 1000;
  let probe = 0;
  while (Date.now() < until) {
    const placed = await server.request(
      'POST',
      '/backorders',
      JSON.parse(orderBody(shop, probe++)),
    );
    const acknowledged = performance.now();
    const { id } = (await placed.json()) as { id: string };
    const position = placed.headers.get('x-log-position') ?? '';
    const read = await server.request('GET', `/backorders/${id}`, undefined, {
      'x-min-log-position': position,
    });
    if (read.status !== 200) throw new Error(`order ${id} not readable: ${read.status}`);
    delays.push(performance.now() - acknowledged);
    orderIds.push(id);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  const done = await background;
  delays.sort((a, b) => a - b);
  return {
    rate: Math.round(done['2xx'] / seconds),
    samples: delays.length,
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    orderIds,
  };
}

/**
 * Adds stock counts (events no reactor acts on) until the log holds `size` events: the timeline
 * reads then run against a log of that size, and every projection has had to read all of it.
 */
async function growLog(file: string, size: number): Promise<number> {
  const store = new SqliteEventStore({ file });
  const have = await store.countAfter('start', Number.MAX_SAFE_INTEGER);
  for (let n = have; n < size; n += 1000) {
    const batch = Math.min(1000, size - n);
    await Promise.all(
      Array.from({ length: batch / 10 }, (_, k) => {
        const productId = `counted-${(n + k) % 20_000}`;
        return store.append(
          `stock-${productId}`,
          Array.from({ length: 10 }, (_, i) => ({
            id: newEventId(),
            type: 'StockAdjusted',
            data: {
              productId,
              operationId: newEventId(),
              delta: 1,
              reason: 'cycle count',
              onHand: i + 1,
            },
            metadata: metadata({ actor: 'counter' }),
          })),
          'any',
        );
      }),
    );
  }
  const total = await store.countAfter('start', Number.MAX_SAFE_INTEGER);
  await store.close();
  return total;
}

async function timelineReads(server: ServerProcess, orderIds: string[], seconds: number) {
  let n = 0;
  const result = await autocannon({
    url: server.url,
    connections: 10,
    duration: seconds,
    headers: { authorization: server.authorization },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: `/backorders/${orderIds[n++ % orderIds.length]}/timeline`,
        }),
      },
    ],
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} timeline reads failed`);
  return { requests: result['2xx'], p50: result.latency.p50, p99: result.latency.p99 };
}
