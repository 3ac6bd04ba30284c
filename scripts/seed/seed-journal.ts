import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The options that decide what a demo shop holds: a rerun must use the same ones. */
export interface SeedShape {
  readonly products: number;
  readonly customers: number;
  readonly seed: number;
}

/**
 * What a demo seed wrote down about itself in DATA_DIR, before its first write: its run id (the
 * root of every Idempotency-Key it sends, so a rerun recognises its own requests), the staff
 * usernames it made, the day its dates count from, the purchase orders each wave read (those
 * change status as the story goes on, so a rerun cannot read them again), and whether it finished.
 */
export interface SeedJournal {
  readonly runId: string;
  readonly shape: SeedShape;
  readonly today: string;
  readonly startedAt: string;
  /** The demo's staff roles (maria, paul, …) and the usernames they were given here. */
  readonly staff: Readonly<Record<string, string>>;
  readonly reads: Readonly<Record<string, unknown>>;
  readonly completedAt: string | null;
}

export const JOURNAL_FILE = 'demo-seed.json';

export function journalPath(dataDir: string): string {
  return join(dataDir, JOURNAL_FILE);
}

export function readJournal(dataDir: string): SeedJournal | null {
  const path = journalPath(dataDir);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as SeedJournal;
}

/** Written whole to a side file and renamed over the old one, so a kill never leaves half a file. */
export function writeJournal(dataDir: string, journal: SeedJournal): void {
  mkdirSync(dataDir, { recursive: true });
  const path = journalPath(dataDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(journal, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function describeShape(shape: SeedShape): string {
  return `--products ${shape.products} --customers ${shape.customers} --seed ${shape.seed}`;
}

export function sameShape(a: SeedShape, b: SeedShape): boolean {
  return a.products === b.products && a.customers === b.customers && a.seed === b.seed;
}
