import { type ChildProcess, spawn } from 'node:child_process';
import { type Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Role } from '../../src/auth/roles';

/**
 * The real server as a child process, on its own data folder and port: for tests and benchmarks
 * that must stop it for real, `kill -9` included, and start it again on the same data.
 */
export interface ServerSession {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  /** Stops it as an operator would (SIGTERM: the server closes its stores and exits). */
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL): no shutdown hook runs, as in a power cut. */
  kill(): Promise<void>;
  /** The last lines it wrote to stdout and stderr: what to show when it misbehaves. */
  output(): string;
}

export interface ServerSessionOptions {
  readonly dataDir: string;
  /** A free port when omitted. */
  readonly port?: number;
  /** Added to the defaults below and to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long the server may take to answer /health; ts-node makes a first start slow. */
  readonly startTimeoutMs?: number;
  /**
   * `source` (default): from the TypeScript sources, no build needed (tests); `build`: the
   * compiled dist/src/main.js, as `npm start` runs it (benchmarks).
   */
  readonly entry?: 'source' | 'build';
}

/** The admin's one-time password every session sets, unless `env` says otherwise. */
export const INITIAL_ADMIN_PASSWORD = 'first admin password';

const ROOT = join(__dirname, '..', '..');
const OUTPUT_KEPT = 16_384;

export async function startServerSession(options: ServerSessionOptions): Promise<ServerSession> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    options.entry === 'build'
      ? ['--max-semi-space-size=32', 'dist/src/main.js']
      : ['--max-semi-space-size=32', '-r', 'ts-node/register/transpile-only', 'src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        ADMIN_INITIAL_PASSWORD: INITIAL_ADMIN_PASSWORD,
        ...options.env,
        DATA_DIR: options.dataDir,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (running()) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const session: ServerSession = {
    url,
    port,
    pid: child.pid!,
    dataDir: options.dataDir,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    output: () => output,
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (!running())
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return session;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await session.kill();
      throw new Error(`the server did not answer /health in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: T;
}

export interface ApiRequest {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sockets shared by many requests; Node's default agent otherwise. */
  readonly agent?: Agent;
}

/**
 * One HTTP call; the body is parsed JSON when the server sent JSON. Rejects only when no answer
 * came at all (connection refused or cut): a refused command is an answer like any other.
 */
export function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: ApiRequest = {},
): Promise<ApiResponse<T>> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      new URL(path, baseUrl),
      {
        method,
        agent: options.agent,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = /json/.test(response.headers['content-type'] ?? '');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (json && text !== '' ? JSON.parse(text) : text) as T,
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

/** Like `call`, for a step that must succeed: anything but a 2xx throws with the answer. */
export async function callOk<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: ApiRequest = {},
): Promise<T> {
  const response = await call<T>(baseUrl, method, path, options);
  if (response.status < 200 || response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

interface Session {
  readonly accessToken: string;
  readonly passwordChangeRequired: boolean;
}

/** Signs a user in; a one-time password is replaced by `newPassword` first. Null when refused. */
export async function logIn(
  baseUrl: string,
  username: string,
  password: string,
  newPassword?: string,
): Promise<string | null> {
  const login = await call<Session>(baseUrl, 'POST', '/auth/login', {
    body: { username, password },
  });
  if (login.status === 401) return null;
  if (login.status !== 200)
    throw new Error(`signing in as ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  if (!login.body.passwordChangeRequired) return login.body.accessToken;
  if (!newPassword) throw new Error(`${username} must choose a new password first`);
  const changed = await callOk<Session>(baseUrl, 'POST', '/auth/password', {
    token: login.body.accessToken,
    body: { currentPassword: password, newPassword },
  });
  return changed.accessToken;
}

export interface SignInOptions {
  readonly staffUsername?: string;
  readonly staffRoles?: readonly Role[];
}

/** Everyone who writes in a load test or a story: every role but admin and auditor. */
export const STAFF_ROLES: readonly Role[] = ['sales', 'purchasing', 'receiving', 'accounting'];

/**
 * An access token of a staff user, made on a fresh server: the admin signs in with the one-time
 * `password`, replaces it, and creates the staff user, who replaces their own one-time password.
 * On a server that did this before (a restart on the same data) it signs in with the passwords
 * chosen then, so it can be called after every start. Both passwords follow from `password`.
 */
export async function signIn(
  baseUrl: string,
  password: string = INITIAL_ADMIN_PASSWORD,
  options: SignInOptions = {},
): Promise<string> {
  const username = options.staffUsername ?? 'staff';
  const adminPassword = `${password} (chosen)`;
  const staffPassword = `${password} (${username})`;
  const again = await logIn(baseUrl, username, staffPassword);
  if (again) return again;
  const admin =
    (await logIn(baseUrl, 'admin', password, adminPassword)) ??
    (await logIn(baseUrl, 'admin', adminPassword));
  if (!admin) throw new Error('the admin could not sign in with either password');
  const created = await callOk<{ oneTimePassword: string }>(baseUrl, 'POST', '/users', {
    token: admin,
    body: { username, roles: options.staffRoles ?? STAFF_ROLES },
  });
  const token = await logIn(baseUrl, username, created.oneTimePassword, staffPassword);
  if (!token) throw new Error(`${username} could not sign in with the one-time password`);
  return token;
}

interface Consumer {
  readonly name: string;
  readonly state: string;
  readonly eventsBehind: number;
  readonly lastError: string | null;
}

interface Health {
  readonly eventStore: { readonly head?: { readonly position: { readonly commit: number } } };
  readonly projections: readonly Consumer[];
  readonly reactors: readonly Consumer[];
}

/**
 * Waits until /health shows every projection and reactor at the head of the log, twice in a row
 * with the head unchanged (reactors append as they work); returns the milliseconds it took.
 */
export async function waitCaughtUp(baseUrl: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  let settledAt: number | null = null;
  for (;;) {
    const health = (await callOk<Health>(baseUrl, 'GET', '/health')) as Health;
    const consumers = [...health.projections, ...health.reactors];
    const failed = consumers.find((c) => c.state === 'failed');
    if (failed) throw new Error(`${failed.name} stopped: ${failed.lastError ?? 'no reason given'}`);
    const head = health.eventStore.head?.position.commit ?? 0;
    if (consumers.every((c) => c.eventsBehind === 0)) {
      if (settledAt === head) return Date.now() - started;
      settledAt = head;
    } else settledAt = null;
    if (Date.now() - started > timeoutMs) {
      const behind = consumers.filter((c) => c.eventsBehind > 0);
      throw new Error(
        `not caught up after ${timeoutMs} ms: ${behind.map((c) => `${c.name} ${c.eventsBehind} behind`).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, settledAt === null ? 200 : 50));
  }
}
