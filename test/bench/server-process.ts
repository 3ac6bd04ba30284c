import {
  signIn,
  startServerSession,
  waitCaughtUp as waitForConsumers,
} from '../support/server-session';

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

const ADMIN_PASSWORD = 'bench admin one-time password';

/** Starts the built server; the first start on a data folder signs the admin in and makes the `bench` user. */
export async function startServer(dataDir: string, port: number): Promise<ServerProcess> {
  const session = await startServerSession({
    dataDir,
    port,
    entry: 'build',
    startTimeoutMs: 120_000,
    env: {
      ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
      // One user places every order; the per-user limit is for people at a counter.
      WRITES_PER_SECOND: '1000000',
      ACCESS_TOKEN_SECONDS: '86400',
    },
  });
  const url = session.url;
  const authorization = `Bearer ${await signIn(url, ADMIN_PASSWORD, { staffUsername: 'bench' })}`;
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
  return {
    url,
    authorization,
    request,
    json: async <T>(method: string, path: string, body?: unknown) => {
      const response = await request(method, path, body);
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop: () => session.stop(),
  };
}

/** Waits until every projection and reactor has caught up with the log; returns the time it took. */
export function waitCaughtUp(server: ServerProcess, timeoutMs = 600_000): Promise<number> {
  return waitForConsumers(server.url, timeoutMs);
}
