/** How far a running import has come; kept in memory while the server works on it. */
export interface ImportProgress {
  bytesReceived: number;
  rowsRead: number;
  readonly startedAt: number;
  applied: number;
  toApply: number;
  applyStartedAt: number | null;
}

export interface ProgressView {
  readonly bytesReceived: number;
  readonly rowsRead: number;
  /** Rows read per second while receiving, products applied per second while applying. */
  readonly rowsPerSecond: number;
  readonly applied: number;
  readonly toApply: number;
}

/** Live progress of the imports this server process is receiving or applying. */
export class ImportProgressBoard {
  private readonly running = new Map<string, ImportProgress>();

  start(importId: string, now = Date.now()): ImportProgress {
    const progress: ImportProgress = {
      bytesReceived: 0,
      rowsRead: 0,
      startedAt: now,
      applied: 0,
      toApply: 0,
      applyStartedAt: null,
    };
    this.running.set(importId, progress);
    return progress;
  }

  get(importId: string): ImportProgress | undefined {
    return this.running.get(importId);
  }

  view(importId: string, now = Date.now()): ProgressView | null {
    const p = this.running.get(importId);
    if (!p) return null;
    const applying = p.applyStartedAt !== null;
    const since = applying ? (p.applyStartedAt as number) : p.startedAt;
    const seconds = Math.max((now - since) / 1000, 0.001);
    const done = applying ? p.applied : p.rowsRead;
    return {
      bytesReceived: p.bytesReceived,
      rowsRead: p.rowsRead,
      rowsPerSecond: Math.round(done / seconds),
      applied: p.applied,
      toApply: p.toApply,
    };
  }
}
