import type Database from 'better-sqlite3';

/**
 * Wakes live subscriptions when the log grows. Appends made by this process wake them at once;
 * appends made by another process (an import, a seed) are seen by polling `PRAGMA data_version`,
 * which changes whenever another connection commits. Polling runs only while someone waits.
 */
export class SqliteLogWatcher {
  private waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private lastVersion: number;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(
    connection: Database.Database,
    private readonly pollIntervalMs: number,
  ) {
    this.dataVersion = connection.prepare<[], number>('PRAGMA data_version').pluck();
    this.lastVersion = this.dataVersion.get() as number;
  }

  /** Resolves at the next change of the log (or at once when the waiter is already cancelled). */
  nextChange(isCancelled: () => boolean): Promise<void> {
    if (isCancelled()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.add(resolve);
      this.timer ??= setInterval(this.poll, this.pollIntervalMs);
    });
  }

  notifyAppended(): void {
    this.wakeAll();
  }

  wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
    this.stopWhenIdle();
  }

  close(): void {
    this.wakeAll();
    this.stopTimer();
  }

  private readonly poll = (): void => {
    const version = this.dataVersion.get() as number;
    if (version !== this.lastVersion) {
      this.lastVersion = version;
      this.wakeAll();
    }
    this.stopWhenIdle();
  };

  private stopWhenIdle(): void {
    if (this.waiters.size === 0) this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
