import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../src/auth/roles';
import { UserAccounts } from '../../src/auth/user-accounts';
import { userIdOf } from '../../src/auth/user-id';
import { stableId } from '../../src/shared/commands/stable-id';
import { BusinessRuleViolation } from '../../src/shared/domain/domain-errors';

/** What the shop's demo staff may do: everything but audit and administration. */
const STAFF_ROLES: readonly Role[] = ['sales', 'purchasing', 'receiving', 'accounting'];

/** A request the app refused: the seed stops there, showing what was sent and the answer. */
export class SeedRequestError extends Error {
  override readonly name = 'SeedRequestError';
}

/** The app's answer to a key sent again with another body. */
const REUSED_KEY = 'idempotency-key-reused';

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Who the client acts as, and the root of the Idempotency-Keys it sends. */
export interface ShopClientOptions {
  /** The seed's run id: the same in a rerun, so the rerun's requests carry the same keys. */
  readonly runId: string;
  /** The demo's role names (maria, paul, …) and the usernames they have in this store. */
  readonly usernames: Readonly<Record<string, string>>;
}

/**
 * Requests through Fastify's inject: the app's own routing, authentication, validation and
 * handlers, with no socket in between. Each actor is a staff user of its own, made on first use
 * with a password nobody knows (an admin can reset it) and a token minted for it.
 *
 * Every write carries an Idempotency-Key that follows from the run, the route and a label, so a
 * rerun of an interrupted seed gets the first answers back (the same ids) for what was done and
 * does only what is missing. A write the run made once with another body (a deposit read from a
 * balance it already changed) is done already: the app refuses the key's reuse, and that is kept.
 */
export class ShopClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly options: ShopClientOptions,
  ) {}

  private username(actor: string): string {
    return this.options.usernames[actor] ?? actor;
  }

  private authorization(actor: string): Promise<string> {
    let token = this.tokens.get(actor);
    if (!token) {
      token = this.signIn(actor);
      this.tokens.set(actor, token);
    }
    return token;
  }

  private async signIn(actor: string): Promise<string> {
    const accounts = this.app.get(UserAccounts);
    const context = { actor: 'seed', correlationId: randomUUID(), causationId: randomUUID() };
    try {
      await accounts.create(
        {
          username: this.username(actor),
          roles: STAFF_ROLES,
          password: randomBytes(24).toString('base64url'),
          mustChangePassword: false,
        },
        context,
      );
    } catch (error) {
      // Made by an earlier seed (--force): act as it is.
      if (!(error instanceof BusinessRuleViolation && error.rule === 'username-taken')) throw error;
    }
    return `Bearer ${(await accounts.sessionFor(userIdOf(this.username(actor)))).accessToken}`;
  }

  /**
   * `label` tells apart writes to the same route (one per product, per installment); the answer
   * is undefined when an earlier run did this write with another body.
   */
  async post<T>(actor: string, url: string, body: object = {}, label = ''): Promise<T> {
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url,
        headers: {
          authorization: await this.authorization(actor),
          'idempotency-key': stableId('seed-demo', this.options.runId, url, label),
        },
        payload: body,
      });
    if (response.statusCode === 422 && response.json<{ rule?: string }>().rule === REUSED_KEY) {
      return undefined as T;
    }
    if (response.statusCode !== 200 && response.statusCode !== 201) {
      throw new SeedRequestError(
        `POST ${url} ${JSON.stringify(body)} as ${actor}: ${response.statusCode} ${response.body}`,
      );
    }
    return response.json<T>();
  }

  async get<T>(url: string): Promise<T> {
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { authorization: await this.authorization('seed') } });
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
