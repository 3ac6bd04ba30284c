import { CREDENTIALS_HINT, type Credentials } from './cli-args';
import { postMultipart, type UploadForm } from './multipart-upload';

/** The server's answer to a request it refused, as its error filter writes it. */
export interface ErrorBody {
  readonly statusCode?: number;
  readonly message?: string;
  readonly rule?: string;
  readonly fields?: unknown;
  readonly requestId?: string;
}

/** A 4xx or 5xx answer: what was asked, the status and the server's explanation. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${method} ${path}: ${status} ${body.message ?? ''}`.trim());
  }
}

/** No answer at all: nothing listens at the address, the name does not resolve, the line broke. */
export class ServerUnreachable extends Error {
  override readonly name = 'ServerUnreachable';

  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot reach the server at ${url} (${reason})`);
  }
}

/** Why node's fetch failed: the code (ECONNREFUSED, ENOTFOUND) inside its `fetch failed`. */
function networkReason(error: unknown): string {
  let cause: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; cause && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (cause instanceof Error) message = cause.message;
    const errors = (cause as { errors?: unknown }).errors;
    cause = (cause as { cause?: unknown }).cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return message;
}

/** `field: error; error` lines of a validation answer, whatever shape its `fields` has. */
export function fieldLines(fields: unknown): string[] {
  if (Array.isArray(fields)) {
    return fields.map((entry) => {
      if (entry && typeof entry === 'object' && 'field' in entry) {
        const { field, errors } = entry as { field: unknown; errors?: unknown };
        const text = Array.isArray(errors) ? errors.join('; ') : String(errors ?? '');
        return `${String(field)}: ${text}`;
      }
      return typeof entry === 'string' ? entry : JSON.stringify(entry);
    });
  }
  if (fields && typeof fields === 'object') {
    return Object.entries(fields).map(
      ([field, errors]) =>
        `${field}: ${Array.isArray(errors) ? errors.join('; ') : typeof errors === 'string' ? errors : JSON.stringify(errors)}`,
    );
  }
  return [];
}

/** What to tell the user about a failure: the message, then the fields and what to do. */
export function describeFailure(error: unknown): string {
  if (error instanceof ServerUnreachable) {
    return `${error.message}: is the server running? Point to it with --url or BACKORDER_URL.`;
  }
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return `${error.method} ${error.path}: the server refused the credentials (401 ${error.body.message ?? 'Unauthorized'}): ${CREDENTIALS_HINT}.`;
    }
    const lines = [
      `${error.method} ${error.path}: ${error.status} ${error.body.message ?? ''}`.trimEnd(),
    ];
    if (error.body.rule) lines.push(`  rule: ${error.body.rule}`);
    for (const line of fieldLines(error.body.fields)) lines.push(`  ${line}`);
    if (error.status === 403) lines.push(`  (the credentials in use lack the role this needs)`);
    if (error.status >= 500 && error.body.requestId) {
      lines.push(`  the server logged the details under request id ${error.body.requestId}`);
    }
    return lines.join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

interface RequestOptions {
  readonly body?: unknown;
  readonly form?: UploadForm;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answers null instead of failing on a 404. */
  readonly allowNotFound?: boolean;
}

/**
 * JSON over HTTP to the server, signed in with an API key or a user's password. An access token
 * that expires during a long import is renewed once, by signing in again.
 */
export class ApiClient {
  private token: Promise<string> | null = null;
  /** The newest write's position: reads wait until the read models have seen it. */
  private logPosition: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path, {}) as Promise<T>;
  }

  /** A GET that answers null for 404: the thing is not there (yet). */
  find<T>(path: string): Promise<T | null> {
    return this.request<T>('GET', path, { allowNotFound: true });
  }

  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return this.request<T>('POST', path, { body, headers }) as Promise<T>;
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body }) as Promise<T>;
  }

  /** A multipart upload; the file streams from disk as the request goes out. */
  upload<T>(path: string, form: UploadForm, headers: Record<string, string>): Promise<T> {
    return this.request<T>('POST', path, { form, headers }) as Promise<T>;
  }

  private async request<T>(
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<T | null> {
    let response = await this.send(method, path, options);
    if (response.status === 401 && this.credentials.kind === 'password' && this.token) {
      // An access token is short-lived: sign in again once, then give up.
      await response.body?.cancel();
      this.token = null;
      response = await this.send(method, path, options);
    }
    const position = response.headers.get('x-log-position');
    if (position) this.logPosition = position;
    if (options.allowNotFound && response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    const text = await response.text();
    if (!response.ok) throw new ApiError(method, path, response.status, parseError(text));
    return (text ? JSON.parse(text) : null) as T;
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(await this.authorization()),
      ...options.headers,
    };
    if (method === 'GET' && this.logPosition) headers['x-min-log-position'] = this.logPosition;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      return options.form
        ? await postMultipart(`${this.baseUrl}${path}`, options.form, headers)
        : await this.fetchImpl(`${this.baseUrl}${path}`, { method, headers, body });
    } catch (error) {
      throw new ServerUnreachable(this.baseUrl, networkReason(error));
    }
  }

  private async authorization(): Promise<Record<string, string>> {
    if (this.credentials.kind === 'api-key') return { 'x-api-key': this.credentials.key };
    if (!this.token) {
      this.token = this.signIn(this.credentials.username, this.credentials.password);
      // A failed sign-in is tried afresh next time rather than remembered.
      this.token.catch(() => (this.token = null));
    }
    return { authorization: `Bearer ${await this.token}` };
  }

  private async signIn(username: string, password: string): Promise<string> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    } catch (error) {
      throw new ServerUnreachable(this.baseUrl, networkReason(error));
    }
    const text = await response.text();
    if (!response.ok) throw new ApiError('POST', '/auth/login', response.status, parseError(text));
    const session = JSON.parse(text) as { accessToken?: string; passwordChangeRequired?: boolean };
    if (!session.accessToken) {
      throw new ApiError('POST', '/auth/login', response.status, {
        message: 'the answer held no access token',
      });
    }
    if (session.passwordChangeRequired) {
      throw new Error(
        `${username} must choose a new password before anything else (POST /auth/password); sign in once and change it, or use BACKORDER_API_KEY`,
      );
    }
    return session.accessToken;
  }
}

function parseError(text: string): ErrorBody {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object') return body as ErrorBody;
  } catch {
    // Not JSON: a proxy's page or plain text; show its start.
  }
  return { message: text.slice(0, 200) };
}
