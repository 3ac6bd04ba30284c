import { Agent } from 'node:http';
import { join } from 'node:path';
import { checkReadModels } from '../../scripts/check-read-models';
import { auditEventLog } from '../../src/audit/invariant-checker';
import { streams } from '../../src/shared/eventstore/stream-names';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';
import {
  call,
  callOk,
  type ServerSession,
  signIn,
  startServerSession,
  waitCaughtUp,
} from '../support/server-session';
import { tempDir } from '../support/temp-dir';

const COMMANDS = 5_000;
const KILL_AFTER_ACKS = 2_000;
/** Sockets the commands share: all are issued at once and queue for a socket, as behind a proxy. */
const SOCKETS = 256;
/** Commands sent again after the restart with their Idempotency-Key, as a client retries. */
const RETRIED = 100;
const KEY_PREFIX = 'crash-';

type Kind = 'backorder' | 'customer';

interface Command {
  readonly key: string;
  readonly kind: Kind;
  readonly path: string;
  readonly body: object;
  /** What the server answered, or null when the connection ended without an answer. */
  status: number | null;
  /** The id the answer gave. */
  id: string | null;
}

/** The event that records the command, and the stream it must be in. */
const RECORDED: Record<Kind, { type: string; stream: (id: string) => string }> = {
  backorder: { type: 'BackorderPlaced', stream: streams.backorder },
  customer: { type: 'CustomerRegistered', stream: streams.customer },
};

interface Health {
  readonly projections: readonly { readonly eventsBehind: number }[];
  readonly reactors: readonly { readonly eventsBehind: number }[];
}

/** How far the most lagging projection and reactor are behind the log. */
async function lagOf(url: string): Promise<{ projections: number; reactors: number }> {
  const health = await callOk<Health>(url, 'GET', '/health');
  const most = (consumers: Health['reactors']) =>
    Math.max(0, ...consumers.map((c) => c.eventsBehind));
  return { projections: most(health.projections), reactors: most(health.reactors) };
}

const acknowledged = (c: Command) => c.status !== null && c.status >= 200 && c.status < 300;

/**
 * The server is killed with SIGKILL while thousands of writes are in flight, then started again
 * on the same data: every write it acknowledged is in the log exactly once, no write is ever
 * recorded twice (also when the client retries it), the consumers catch up, and the read models
 * then equal a rebuild from the log.
 */
describe('a crash under load', () => {
  const dir = tempDir();
  let server: ServerSession | null = null;
  const env = { WRITES_PER_SECOND: '1000000' };

  afterAll(async () => {
    await server?.kill();
    dir.remove();
  });

  it('loses no acknowledged write and doubles none', async () => {
    server = await startServerSession({ dataDir: dir.path, env });
    let token = await signIn(server.url);
    const vendor = await callOk<{ id: string }>(server.url, 'POST', '/vendors', {
      token,
      body: { name: 'Oriental Weavers', leadTimeDays: 30, consolidation: 'weekly' },
    });
    const product = await callOk<{ id: string }>(server.url, 'POST', '/products', {
      token,
      body: {
        vendorId: vendor.id,
        vendorSku: 'OW-1',
        name: 'Bokhara',
        cost: { amount: 30000, currency: 'USD' },
        retailPrice: { amount: 79900, currency: 'USD' },
      },
    });
    const customer = await callOk<{ id: string }>(server.url, 'POST', '/customers', {
      token,
      body: { name: 'Eve Adams', email: 'eve@example.com' },
    });

    const commands: Command[] = Array.from({ length: COMMANDS }, (_, i) => {
      const key = `${KEY_PREFIX}${i}`;
      return i % 2 === 0
        ? {
            key,
            kind: 'backorder',
            path: '/backorders',
            body: {
              customerId: customer.id,
              notes: key,
              lines: [{ productId: product.id, quantity: 1 }],
            },
            status: null,
            id: null,
          }
        : {
            key,
            kind: 'customer',
            path: '/customers',
            body: { name: `Customer ${key}`, email: `${key}@example.com` },
            status: null,
            id: null,
          };
    });

    // Every command is issued at once; the kill comes from the answer that reaches the threshold.
    const crashing = server;
    const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
    let acks = 0;
    let killed: Promise<void> | null = null;
    const started = Date.now();
    await Promise.all(
      commands.map(async (command) => {
        try {
          const response = await call<{ id?: string }>(crashing.url, 'POST', command.path, {
            token,
            agent,
            body: command.body,
            headers: { 'idempotency-key': command.key },
          });
          command.status = response.status;
          command.id = response.body.id ?? null;
          if (acknowledged(command) && ++acks === KILL_AFTER_ACKS) killed = crashing.kill();
        } catch {
          command.status = null;
        }
      }),
    );
    const firingMs = Date.now() - started;
    agent.destroy();
    expect(killed).not.toBeNull();
    await killed;

    const refused = commands.filter((c) => c.status !== null && !acknowledged(c));
    expect(refused.map((c) => `${c.key}: ${c.status}`)).toEqual([]);

    server = await startServerSession({ dataDir: dir.path, env });
    const behindAtRestart = await lagOf(server.url);
    token = await signIn(server.url);
    // A client retries what it sent, answered or not; the answers must name the same records.
    const acked = commands.filter(acknowledged);
    const unanswered = commands.filter((c) => c.status === null);
    const retried = [...acked.slice(0, RETRIED / 2), ...unanswered.slice(0, RETRIED / 2)];
    const retriedKeys = new Set(retried.map((c) => c.key));
    for (const command of retried) {
      const response = await call<{ id: string }>(server.url, 'POST', command.path, {
        token,
        body: command.body,
        headers: { 'idempotency-key': command.key },
      });
      expect(response.status).toBe(201);
      if (command.id !== null) {
        expect(response.body.id).toBe(command.id);
        expect(response.headers['idempotent-replayed']).toBe('true');
      }
      command.id = response.body.id;
    }
    const catchUpMs = await waitCaughtUp(server.url, 60_000);
    await server.stop();
    server = null;

    // The log, read after the server stopped: each command's record, found by its key.
    const store = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    const found = new Map<string, { stream: string }[]>();
    try {
      for await (const event of store.readAll({ pageSize: 5000 })) {
        const key = event.metadata.idempotencyKey;
        if (typeof key !== 'string' || !key.startsWith(KEY_PREFIX)) continue;
        if (event.type !== RECORDED.backorder.type && event.type !== RECORDED.customer.type)
          continue;
        found.set(key, [...(found.get(key) ?? []), { stream: event.stream }]);
      }
    } finally {
      await store.close();
    }
    const recordsOf = (c: Command) => found.get(c.key) ?? [];
    const lost = acked.filter((c) => recordsOf(c).length === 0).map((c) => c.key);
    const doubled = commands.filter((c) => recordsOf(c).length > 1).map((c) => c.key);
    const misplaced = commands
      .filter((c) => c.id !== null && recordsOf(c).length > 0)
      .filter((c) => recordsOf(c)[0].stream !== RECORDED[c.kind].stream(c.id!))
      .map((c) => c.key);
    const retriedMissing = retried.filter((c) => recordsOf(c).length !== 1).map((c) => c.key);
    const notRetried = unanswered.filter((c) => !retriedKeys.has(c.key));
    const unansweredFound = notRetried.filter((c) => recordsOf(c).length > 0).length;

    const audited = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    const audit = await auditEventLog(audited).finally(() => audited.close());
    const check = await checkReadModels([], { DATA_DIR: dir.path, LOG_LEVEL: 'silent' });
    const compared = Number(/\((\d+) documents equal the rebuild\)/.exec(check.stdout)?.[1] ?? 0);

    process.stdout.write(
      [
        '',
        'Crash under load (SIGKILL, then a restart on the same data)',
        `  commands fired                    ${COMMANDS} (${COMMANDS / 2} backorders, ${COMMANDS / 2} customers; ${SOCKETS} sockets)`,
        `  acknowledged before the kill      ${acked.length} in ${firingMs} ms`,
        `  refused                           ${refused.length}`,
        `  unanswered                        ${unanswered.length}`,
        `  acknowledged found after restart  ${acked.length - lost.length} of ${acked.length}`,
        `  unanswered, not retried, found    ${unansweredFound} of ${notRetried.length}`,
        `  retried after restart             ${retried.length}, each recorded once: ${retriedMissing.length === 0 ? 'yes' : 'NO'}`,
        `  duplicates                        ${doubled.length}`,
        `  behind when restarted             projections ${behindAtRestart.projections}, reactors ${behindAtRestart.reactors} events (most behind)`,
        `  caught up after the retries in    ${catchUpMs} ms`,
        `  events audited                    ${audit.summary.events}; invariant violations ${audit.violations.length}, discrepancies ${audit.discrepancies.length}`,
        `  read-model documents compared     ${compared} (equal to a rebuild: ${check.code === 0 ? 'yes' : 'NO'})`,
        '',
      ].join('\n'),
    );

    expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(misplaced).toEqual([]);
    expect(retriedMissing).toEqual([]);
    expect(audit.violations).toEqual([]);
    expect(audit.discrepancies).toEqual([]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(compared).toBeGreaterThan(COMMANDS / 2);
  }, 120_000);
});
