import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, authorizedFetch } from './api';
import { statusWords } from './format';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
}

/** Loads on mount and whenever a dependency changes; a newer load wins over a slower older one. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: null, loading: false }),
      (error) => !controller.signal.aborted && setState({ data: null, error, loading: false }),
    );
    return () => controller.abort();
  }, [...deps, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** An error shown where it happened, announced to screen readers. */
export function ErrorNote({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  return (
    <p class="error" role="alert" id={id}>
      {messageOf(error)}
    </p>
  );
}

type InputProps = Omit<JSX.IntrinsicElements['input'], 'label' | 'onInput'> & {
  readonly label: string;
  readonly value: string | number;
  readonly onValue: (value: string) => void;
  /** The server's message about this field, shown under it. */
  readonly error?: string | null;
  readonly hint?: string;
  readonly type?: string;
  readonly inputMode?: string;
  readonly autoFocus?: boolean;
  readonly required?: boolean;
  readonly autoComplete?: string;
  readonly min?: number;
  readonly max?: number;
  readonly name?: string;
};

/** A labelled input with its hint and its error tied to it for assistive technology. */
export function Field({ label, value, onValue, error, hint, ...rest }: InputProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...(rest as JSX.IntrinsicElements['input'])}
      />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** The error about one field of a failed request, if the request failed on it. */
export const fieldError = (error: unknown, field: string): string | null =>
  error instanceof ApiError ? error.about(field) : null;

export interface Action {
  readonly busy: boolean;
  /** The last failure, until the next attempt. */
  readonly error: unknown;
  run(): Promise<void>;
}

/**
 * One thing the user does (a form sent, a button pressed): busy while it runs, its failure kept
 * to show where it belongs. `work` ends with the screen's reload, so the result shows.
 */
export function useAction(work: () => Promise<unknown>): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** A form's submit handler for an action: the page never reloads. */
export const submits = (action: Action) => (event: Event) => {
  event.preventDefault();
  void action.run();
};

/** The action's error unless it concerns one of these fields (shown beside the field instead). */
export function FormError({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  if (error instanceof ApiError && fields.some((f) => error.about(f))) return null;
  return <ErrorNote error={error} />;
}

/**
 * A button for one action: disabled while it runs, its error right beside it, and `done`
 * (the screen's reload) after it succeeded, so the screen shows the action's result.
 */
export function ActionButton({
  label,
  run,
  done,
  kind = 'secondary',
  disabled,
}: {
  label: string;
  run: () => Promise<unknown>;
  done?: (result: unknown) => void;
  kind?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
}) {
  const action = useAction(async () => done?.(await run()));
  const busy = action.busy;
  return (
    <span class="action">
      <button
        type="button"
        class={kind}
        disabled={busy || disabled}
        aria-busy={busy}
        onClick={action.run}
      >
        {busy ? `${label}…` : label}
      </button>
      <ErrorNote error={action.error} />
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{statusWords(status)}</span>;
}

const HASH = /^[0-9a-f]{64}$/i;

/**
 * A product picture stored on this server (images need the signed-in token, so they are fetched
 * and shown from a blob URL); a picture referenced elsewhere, or none, shows a placeholder.
 */
export function ProductImage({
  images,
  variant,
  alt,
  class: className,
}: {
  images: readonly string[];
  variant: 'thumbnail' | 'medium' | 'original';
  alt: string;
  class?: string;
}) {
  const hash = images.find((i) => HASH.test(i));
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!hash) return;
    let objectUrl: string | null = null;
    const controller = new AbortController();
    const path = variant === 'original' ? `/images/${hash}` : `/images/${hash}/${variant}`;
    authorizedFetch(path, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) return;
        objectUrl = URL.createObjectURL(await response.blob());
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [hash, variant]);
  if (!hash || !url)
    return (
      <span
        class={`image-placeholder ${className ?? ''}`}
        role="img"
        aria-label={`${alt} (no picture)`}
      >
        ▦
      </span>
    );
  return <img src={url} alt={alt} class={className} />;
}

/** A live progress bar with its words, announced politely. */
export function ProgressBar({
  label,
  value,
  max,
  detail,
}: {
  label: string;
  value: number;
  max: number | null;
  detail?: string;
}) {
  const id = useId();
  return (
    <div class="progress" aria-live="polite">
      <label for={id}>{label}</label>
      {max ? <progress id={id} value={value} max={max} /> : <progress id={id} />}
      {detail && <span class="progress-detail">{detail}</span>}
    </div>
  );
}

/** A modal dialog on the native element: focus kept inside, Escape closes. */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={id} onClose={onClose}>
      <div class="dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

/** Waits `ms` after the last change before giving the value: one search per pause in typing. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A labelled select of fixed choices, its error tied to it like a Field's. */
export function SelectField({
  label,
  value,
  onValue,
  options,
  error,
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | null;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValue((e.target as HTMLSelectElement).value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <small id={`${id}-error`} class="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ComponentChildren;
  /** Figures align right, so their digits line up. */
  readonly numeric?: boolean;
}

/**
 * A table of rows by columns, with a caption (shown, or for screen readers only). A `wide` one
 * scrolls sideways on a narrow screen, in a box the keyboard can reach to scroll it.
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  hideCaption = false,
  wide = false,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  hideCaption?: boolean;
  wide?: boolean;
}) {
  const table = (
    <table class="lines">
      <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" class={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.header} class={c.numeric ? 'num' : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return wide ? (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      {table}
    </div>
  ) : (
    table
  );
}

/**
 * Polls a job until it ends: the state of a long operation on the server (a replay, a
 * verification), read again every `ms` while `running` says it still runs. A failed read ends
 * the polling with its error, shown beside the job.
 */
export function usePolling<T>(
  job: T | null,
  next: (job: T) => Promise<T>,
  running: (job: T) => boolean,
  ms = 300,
): { job: T | null; error: unknown } {
  const [current, setCurrent] = useState<T | null>(job);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setCurrent(job);
    setError(null);
  }, [job]);
  useEffect(() => {
    if (!current || !running(current)) return;
    const timer = setTimeout(() => void next(current).then(setCurrent, setError), ms);
    return () => clearTimeout(timer);
  }, [current]);
  return { job: current, error };
}
