import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCatalog } from '../../scripts/catalog-generator/generate-catalog';
import type { ImportProfile } from '../../src/catalog/imports/import-profile';
import {
  callOk,
  type ServerSession,
  signIn,
  startServerSession,
  waitCaughtUp,
} from '../support/server-session';
import { type BenchRow, percentile, rate, thousands } from './bench-table';

export interface CatalogBenchOptions {
  readonly dataDir: string;
  readonly sheetsDir: string;
  readonly vendors: number;
  readonly products: number;
  readonly queries: number;
}

interface ImportView {
  readonly id: string;
  readonly status: string;
  readonly failure: string | null;
  readonly review: {
    readonly valid: number;
    readonly invalid: number;
    readonly new: number;
  } | null;
}

interface SearchResult {
  readonly items: { readonly id: string }[];
  readonly facets: { readonly vendor: { readonly count: number }[] } | null;
}

/**
 * The catalog figures on the real server (built, embedded stores): 12 generated sheets
 * uploaded, reviewed and applied through the API until every product is searchable, with the
 * server's peak RSS; then a mixed set of searches over the whole catalog.
 */
export async function benchCatalog(
  options: CatalogBenchOptions,
  step: (text: string) => void,
  /** More measurements on the same server and its full catalog (the counter screen's). */
  alsoMeasure?: (server: ServerSession, products: number) => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  step(`generating ${thousands(options.products)} products for ${options.vendors} vendors ...`);
  const generated = await generateCatalog({
    vendors: options.vendors,
    products: options.products,
    outDir: options.sheetsDir,
    seed: 7,
    badRows: 0.005,
  });
  const server = await startServerSession({
    dataDir: options.dataDir,
    entry: 'build',
    // The import can outlast a 15-minute access token on a busy machine; the searches follow it.
    env: { ACCESS_TOKEN_SECONDS: '7200' },
  });
  try {
    const token = await signIn(server.url);
    const api = <T>(method: string, path: string, body?: unknown) =>
      callOk<T>(server.url, method, path, { token, body });
    const sheets = await Promise.all(
      generated.sheets.map(async (sheet, i) => {
        const { id } = await api<{ id: string }>('POST', '/vendors', {
          name: sheet.name,
          leadTimeDays: 30,
          consolidation: 'daily',
        });
        const { name, ...profile } = JSON.parse(
          readFileSync(join(generated.outDir, sheet.profile), 'utf8'),
        ) as ImportProfile;
        await api('PUT', `/vendors/${id}/import-profiles/${name}`, profile);
        return { index: i, vendorId: id, profile: name, file: join(generated.outDir, sheet.sheet) };
      }),
    );

    step('importing every sheet: upload, review, apply, until searchable ...');
    const started = performance.now();
    let valid = 0;
    const imports: string[] = [];
    for (const sheet of sheets) {
      const form = new FormData();
      form.append('vendorId', sheet.vendorId);
      form.append('profile', sheet.profile);
      form.append('file', await openAsBlob(sheet.file), sheet.file);
      const response = await fetch(`${server.url}/catalog/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const view = (await response.json()) as ImportView;
      if (response.status !== 201 || !view.review) {
        throw new Error(`upload of ${sheet.file}: ${response.status} ${JSON.stringify(view)}`);
      }
      valid += view.review.valid;
      // Applying runs on the server while the next sheet uploads.
      await api('POST', `/catalog/imports/${view.id}/apply`, {});
      imports.push(view.id);
    }
    for (const id of imports) {
      for (;;) {
        const view = await api<ImportView>('GET', `/catalog/imports/${id}`);
        if (view.status === 'applied') break;
        if (view.status !== 'applying') throw new Error(`import ${id}: ${JSON.stringify(view)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await waitCaughtUp(server.url, 600_000);
    const importMs = performance.now() - started;
    const peakRssMb = peakRssOf(server.pid);
    const everything = await api<SearchResult>('GET', '/catalog/search?limit=1');
    const searchable = (everything.facets?.vendor ?? []).reduce((n, f) => n + f.count, 0);

    step(`searching ${options.queries} mixed queries ...`);
    const vendorIds = sheets.map((s) => s.vendorId);
    const queries = mixedQueries(options.queries, vendorIds);
    for (const query of queries.slice(0, 50)) await api('GET', query); // warm the caches
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const t0 = performance.now();
      const result = await api<SearchResult>('GET', query);
      times.push(performance.now() - t0);
      hits += result.items.length;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const p99 = percentile(times, 99);
    const rows = generated.rows;
    const more = alsoMeasure ? await alsoMeasure(server, searchable) : [];
    return [
      {
        benchmark: `import ${thousands(rows)} rows from ${sheets.length} sheets over HTTP: parsed, reviewed, applied, searchable (${thousands(valid)} valid products; ${thousands(searchable)} searchable)`,
        target: '<= 60 s, peak RSS <= 600 MB',
        measured: `${(importMs / 1000).toFixed(1)} s (${thousands(rate(rows, importMs))} rows/s), peak RSS ${peakRssMb} MB`,
        met: importMs <= 60_000 && peakRssMb <= 600 && searchable === valid,
      },
      {
        benchmark: `GET /catalog/search on ${thousands(searchable)} products, ${queries.length} mixed queries (words, prefixes, filters, facets), one client`,
        target: 'p95 <= 20 ms, p99 <= 50 ms',
        measured: `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ${thousands(hits)} hits shown`,
        met: p95 <= 20 && p99 <= 50,
      },
      ...more,
    ];
  } finally {
    await server.stop();
  }
}

/** The highest resident set the server process (all its threads) reached, from the kernel. */
function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const WORDS = [
  'kashan',
  'heriz',
  'medallion',
  'ivory',
  'navy',
  'charcoal',
  'wool',
  'silk',
  'runner',
  'tabriz',
  'modern',
  'vintage',
  'rust',
  'blue',
  'grey',
  'sage',
  'persian',
  'trellis',
  'floral',
  'geometric',
  'beige',
  'gold',
  'border',
  'distressed',
  'oushak',
  'kilim',
];
const SHAPES = ['rectangle', 'round', 'runner', 'square', 'oval'];

/** Words, word beginnings as typed, and filters, mixed as the counter uses them. */
function mixedQueries(count: number, vendorIds: readonly string[]): string[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const params = new URLSearchParams({ limit: '20' });
    switch (i % 6) {
      case 0:
        params.set('q', pick(WORDS));
        break;
      case 1:
        params.set('q', `${pick(WORDS)} ${pick(WORDS)}`);
        break;
      case 2:
        params.set('q', pick(WORDS).slice(0, 2 + Math.floor(next() * 3)));
        break;
      case 3:
        params.set('q', `${pick(WORDS)} ${pick(WORDS).slice(0, 3)}`);
        params.set('vendor', pick(vendorIds));
        break;
      case 4:
        params.set('q', pick(WORDS).slice(0, 4));
        params.set('minWidthCm', String(60 + Math.floor(next() * 150)));
        params.set('maxWidthCm', String(250 + Math.floor(next() * 100)));
        params.set('shape', pick(SHAPES));
        break;
      default:
        params.set('minPrice', String(Math.floor(next() * 50_000)));
        params.set('maxPrice', String(100_000 + Math.floor(next() * 300_000)));
        if (next() < 0.5) params.set('q', pick(WORDS));
        else params.set('vendor', pick(vendorIds));
    }
    return `/catalog/search?${params.toString()}`;
  });
}
