/** `12,345`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `900 B`, `12.3 KB`, `45.2 MB`, `1.20 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.max(0, Math.round(bytes))} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** `42s`, `3m 05s`, `1h 02m`; `--` when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '--';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** Whole percent, never above 100; 0 of 0 is done. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** Seconds left at the pace so far; null until there is a pace. */
export function secondsLeft(done: number, total: number, elapsedSeconds: number): number | null {
  if (done <= 0 || elapsedSeconds <= 0) return null;
  return Math.max(0, ((total - done) * elapsedSeconds) / done);
}

/** Where an upload stands: the server's count of bytes and rows against the file's size. */
export interface UploadState {
  readonly fileName: string;
  readonly bytesReceived: number;
  readonly fileBytes: number;
  readonly rowsRead: number;
  readonly rowsPerSecond: number;
  readonly elapsedSeconds: number;
}

/** Where applying stands. */
export interface ApplyState {
  readonly applied: number;
  readonly toApply: number;
  readonly perSecond: number;
  readonly elapsedSeconds: number;
}

/** The values a progress bar shows beside the bar, and the same as one line for a log. */
export interface ProgressFrame {
  readonly value: number;
  readonly total: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly line: string;
}

export function uploadFrame(state: UploadState): ProgressFrame {
  const eta = formatDuration(
    secondsLeft(state.bytesReceived, state.fileBytes, state.elapsedSeconds),
  );
  const fields = {
    label: state.fileName,
    received: formatBytes(state.bytesReceived),
    size: formatBytes(state.fileBytes),
    rows: formatCount(state.rowsRead),
    rate: formatCount(state.rowsPerSecond),
    timeLeft: eta,
  };
  return {
    value: Math.min(state.bytesReceived, state.fileBytes),
    total: state.fileBytes,
    fields,
    line:
      `${state.fileName}: ${fields.received} of ${fields.size} ` +
      `(${percentOf(state.bytesReceived, state.fileBytes)}%), ${fields.rows} rows read, ` +
      `${fields.rate} rows/s, ETA ${eta}`,
  };
}

export function applyFrame(state: ApplyState): ProgressFrame {
  const eta = formatDuration(secondsLeft(state.applied, state.toApply, state.elapsedSeconds));
  const fields = {
    label: 'applying',
    applied: formatCount(state.applied),
    toApply: formatCount(state.toApply),
    rate: formatCount(state.perSecond),
    timeLeft: eta,
  };
  return {
    value: Math.min(state.applied, state.toApply),
    total: state.toApply,
    fields,
    line:
      `applying: ${fields.applied} of ${fields.toApply} changes ` +
      `(${percentOf(state.applied, state.toApply)}%), ${fields.rate}/s, ETA ${eta}`,
  };
}
