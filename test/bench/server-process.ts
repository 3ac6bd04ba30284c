import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { signIn } from '../support/server-session';

/** The real server, started as `npm start` starts it, on its own data folder and port. */
export interface ServerProcess {
  readonly url: string;
  /** `Bearer <token>` of the `bench` user, who holds every staff role. */
  readonly authorization: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const ADMIN_PASSWORD = 'bench admin one-time password';

/** Starts the server; the first start on a data folder signs the admin in and makes the `bench` user. */
export async function startServer(dataDir: string, port: number): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-semi-space-size=32', join(ROOT, 'dist/src/main.js')],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
        // One user places every order; the per-user limit is for people at a counter.
        WRITES_PER_SECOND: '1000000',
        ACCESS_TOKEN_SECONDS: '86400',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  let authorization = '';
  const request = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const server: ServerProcess = {
    url,
    get authorization() {
      return authorization;
    },
    request,
    json: async <T>(method: string, path: string, body?: unknown) => {
      const response = await request(method, path, body);
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) {
        authorization = `Bearer ${await signIn(url, ADMIN_PASSWORD, { staffUsername: 'bench' })}`;
        return server;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Consumer {
  readonly name: string;
  readonly eventsBehind: number;
  readonly state: string;
}

/** Waits until every projection and reactor has caught up with the log; returns the time it took. */
export async function waitCaughtUp(server: ServerProcess, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const health = await server.json<{ projections: Consumer[]; reactors: Consumer[] }>(
      'GET',
      '/health',
    );
    const consumers = [...health.projections, ...health.reactors];
    const failed = consumers.find((c) => c.state === 'failed');
    if (failed) throw new Error(`${failed.name} failed`);
    if (consumers.every((c) => c.eventsBehind === 0)) return performance.now() - started;
    if (performance.now() - started > timeoutMs)
      throw new Error('consumers did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
