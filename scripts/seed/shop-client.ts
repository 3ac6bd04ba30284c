import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A request the app refused: the seed stops there, showing what was sent and the answer. */
export class SeedRequestError extends Error {
  override readonly name = 'SeedRequestError';
}

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * Requests through Fastify's inject: the app's own routing, validation and handlers, with no
 * socket in between.
 */
export class ShopClient {
  constructor(private readonly app: NestFastifyApplication) {}

  async post<T>(actor: string, url: string, body: object = {}): Promise<T> {
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url,
        headers: { 'x-actor': actor },
        payload: body,
      });
    if (response.statusCode !== 200 && response.statusCode !== 201) {
      throw new SeedRequestError(
        `POST ${url} ${JSON.stringify(body)} as ${actor}: ${response.statusCode} ${response.body}`,
      );
    }
    return response.json<T>();
  }

  async get<T>(url: string): Promise<T> {
    const response = await this.app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
    if (response.statusCode !== 200) {
      throw new SeedRequestError(`GET ${url}: ${response.statusCode} ${response.body}`);
    }
    return response.json<T>();
  }

  /** Every item of a paged list, following nextCursor. */
  async all<T>(url: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const next = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: Page<T> = await this.get<Page<T>>(`${url}${separator}limit=200${next}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}

/** Runs `work` over the items with at most `limit` in flight; results in the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
