/**
 * The one way the app talks to the server: the signed-in session's token on every call, a fresh
 * Idempotency-Key on every write, and read-your-writes through X-Min-Log-Position (the position
 * of this tab's last write is sent with every read, so a screen never shows a view older than
 * what the user just did).
 */

export interface FieldFault {
  readonly field: string;
  readonly errors: readonly string[];
}

/** An answer other than 2xx, with what the server said about it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: readonly FieldFault[] = [],
    readonly rule: string | null = null,
  ) {
    super(message);
  }

  /** The messages about one field of the request, for showing beside it. */
  about(field: string): string | null {
    const found = this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
    return found.length ? found.flatMap((f) => f.errors).join('; ') : null;
  }
}

export interface Session {
  readonly username: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly roles: readonly string[];
  readonly passwordChangeRequired: boolean;
}

interface SignedInAnswer {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly roles: readonly string[];
  readonly passwordChangeRequired: boolean;
}

const SESSION_KEY = 'backorder-ledger.session';
let session: Session | null = readStoredSession();
let lastWrite: string | null = null;
const listeners = new Set<(s: Session | null) => void>();

function readStoredSession(): Session | null {
  try {
    const stored = sessionStorage.getItem(SESSION_KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

function setSession(next: Session | null): void {
  session = next;
  if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(SESSION_KEY);
  for (const listener of listeners) listener(next);
}

export const currentSession = (): Session | null => session;

export function onSessionChange(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A random key for a write; crypto.randomUUID needs a secure context, a shop LAN often is not. */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { message?: string; fields?: FieldFault[]; rule?: string } = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status says enough.
  }
  const message =
    body.message && body.message !== 'Validation failed'
      ? body.message
      : body.fields?.length
        ? body.fields.map((f) => `${f.field}: ${f.errors.join(', ')}`).join('; ')
        : `${response.status} ${response.statusText}`;
  return new ApiError(response.status, message, body.fields ?? [], body.rule ?? null);
}

async function signedIn(username: string, answer: SignedInAnswer): Promise<Session> {
  const next: Session = { username, ...answer };
  setSession(next);
  return next;
}

export async function signIn(username: string, password: string): Promise<Session> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await errorOf(response);
  return signedIn(username.trim().toLowerCase(), (await response.json()) as SignedInAnswer);
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const answer = await request<SignedInAnswer>('POST', '/auth/password', {
    currentPassword,
    newPassword,
  });
  await signedIn(session?.username ?? '', answer);
}

export function signOut(): void {
  setSession(null);
}

let refreshing: Promise<boolean> | null = null;

/** Access tokens live minutes: one refresh, shared by the calls that found theirs expired. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = session;
    if (!current) return false;
    const response = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    if (!response.ok) {
      setSession(null);
      return false;
    }
    await signedIn(current.username, (await response.json()) as SignedInAnswer);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly headers?: Record<string, string>;
}

/** A fetch signed as the session, refreshed once when the token expired. */
export async function authorizedFetch(
  url: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Response> {
  const attempt = () =>
    fetch(url, {
      ...init,
      headers: {
        ...init.headers,
        ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
      },
    });
  let response = await attempt();
  if (response.status === 401 && session && (await refresh())) response = await attempt();
  if (response.status === 401) setSession(null);
  return response;
}

export async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const write = method !== 'GET';
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (write) headers['idempotency-key'] ??= newKey();
  else if (lastWrite) headers['x-min-log-position'] = lastWrite;
  const response = await authorizedFetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
  });
  if (!response.ok) throw await errorOf(response);
  const position = response.headers.get('x-log-position');
  if (write && position) lastWrite = position;
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(url: string, options?: RequestOptions) =>
  request<T>('GET', url, undefined, options);
export const post = <T>(url: string, body: unknown = {}, options?: RequestOptions) =>
  request<T>('POST', url, body, options);
export const put = <T>(url: string, body: unknown, options?: RequestOptions) =>
  request<T>('PUT', url, body, options);

/** A URL with its query, leaving out empty values. */
export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * A multipart upload with progress of the bytes sent (fetch cannot report upload progress);
 * the session's token and an Idempotency-Key like every other write.
 */
export function upload<T>(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('idempotency-key', newKey());
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total);
    xhr.onerror = () => reject(new ApiError(0, 'The server could not be reached'));
    xhr.onload = () => {
      const position = xhr.getResponseHeader('x-log-position');
      if (position) lastWrite = position;
      let body: { message?: string; fields?: FieldFault[]; rule?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiError(
            xhr.status,
            body.fields?.length
              ? body.fields.map((f) => `${f.field}: ${f.errors.join(', ')}`).join('; ')
              : (body.message ?? `${xhr.status}`),
            body.fields ?? [],
            body.rule ?? null,
          ),
        );
    };
    xhr.send(form);
  });
}
