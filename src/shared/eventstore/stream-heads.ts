import type Database from 'better-sqlite3';

const MAX_STREAMS = 100_000;

/**
 * The last revision of streams this process has written or read to their end, so that a
 * command's "anything new since revision r?" needs no query for the many streams nothing else
 * touched. The writer connection's `PRAGMA data_version` changes only when another connection
 * (another process) commits: then nothing here can be trusted, and it is all forgotten.
 */
export class StreamHeads {
  private readonly heads = new Map<string, number>();
  private readonly dataVersion: Database.Statement<[], number>;
  private seenVersion: number;
  private checked = false;

  constructor(writer: Database.Database) {
    this.dataVersion = writer.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get() as number;
  }

  /** The stream's last revision (-1: no events), or undefined when not known for certain. */
  get(stream: string): number | undefined {
    // Once per turn of the event loop is enough: a decision made on a head another process moved
    // in the same turn is still refused by the append's expected-revision check.
    if (!this.checked) {
      this.checked = true;
      setImmediate(() => (this.checked = false));
      const version = this.dataVersion.get() as number;
      if (version !== this.seenVersion) {
        this.heads.clear();
        this.seenVersion = version;
      }
    }
    return this.heads.get(stream);
  }

  set(stream: string, revision: number): void {
    if (this.heads.size >= MAX_STREAMS) this.heads.clear();
    this.heads.set(stream, revision);
  }
}
