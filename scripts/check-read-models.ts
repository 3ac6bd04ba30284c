import { eventVersions } from '../src/all-event-versions';
import { existsSync } from 'node:fs';
import { allProjections } from '../projections/all-projections';
import { rebuildReadModels } from '../src/audit/rebuild-read-models';
import {
  compareReadModels,
  describeDifferences,
  type ReadModelComparison,
} from '../src/audit/read-model-comparison';
import { digestReadModels } from '../src/audit/read-model-digest';
import { servedBy, servingBuilds } from '../src/audit/serving-builds';
import { loadConfig } from '../src/shared/config/app-config';
import { comparePositions, type Position } from '../src/shared/eventstore/event-envelope';
import { openEventStore } from '../src/shared/eventstore/event-store.module';
import type { EventStore } from '../src/shared/eventstore/event-store.port';
import { openReadModelStore } from '../src/shared/readmodels/read-models.module';
import type { ReadModelStore } from '../src/shared/readmodels/read-model-store.port';

export interface CheckOutcome {
  /** 0: the read models equal a rebuild; 1: they differ; 2: the check could not run. */
  readonly code: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = 'usage: npm run check:read-models\n';
const DIGEST_PREFIX = 12;

/**
 * Rebuilds every read model from the log of the stores the environment names (as the server
 * reads them) into a temporary store, and compares it document by document with the read models
 * the server serves. It only reads the server's stores; they must be quiet (every projection at
 * the head of the log, nothing appended during the check), or the comparison would be unfair.
 */
export async function checkReadModels(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckOutcome> {
  if (args.length > 0) return { code: 2, stdout: '', stderr: USAGE };
  let events: EventStore | null = null;
  let readModels: ReadModelStore | null = null;
  try {
    const config = loadConfig(env);
    // Opening a missing SQLite file would create an empty store and compare nothing.
    for (const store of [config.eventStore, config.readStore]) {
      if (store.kind === 'sqlite' && !existsSync(store.file))
        return { code: 2, stdout: '', stderr: `no store at ${store.file} (set DATA_DIR)\n` };
    }
    events = openEventStore(config.eventStore, eventVersions);
    readModels = await openReadModelStore(config.readStore);
    const head = (await events.head())?.position ?? null;
    const builds = await servingBuilds(readModels, allProjections);
    const unfair = builds.flatMap((build) => {
      const defined = allProjections.find((d) => d.name === build.projection)!.version;
      if (build.version !== defined)
        return [`${build.projection} serves v${build.version} while v${defined} is rebuilt`];
      if (!samePosition(build.position, head))
        return [`${build.projection} is at ${where(build.position)}, the log at ${where(head)}`];
      return [];
    });
    if (unfair.length > 0) return notQuiet(unfair);
    const live = await digestReadModels(readModels, allProjections, servedBy(builds));
    const rebuilt = await rebuildReadModels(events, allProjections);
    const after = (await events.head())?.position ?? null;
    if (!samePosition(after, head))
      return notQuiet([`the log grew from ${where(head)} to ${where(after)} during the check`]);
    const comparison = compareReadModels(rebuilt, live);
    return { code: comparison.equal ? 0 : 1, stdout: format(comparison, head), stderr: '' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 2, stdout: '', stderr: `the read-model check could not run: ${reason}\n` };
  } finally {
    await events?.close();
    await readModels?.close();
  }
}

function notQuiet(reasons: readonly string[]): CheckOutcome {
  return {
    code: 2,
    stdout: '',
    stderr: `the read models are not at rest, so a rebuild cannot be compared with them:\n${reasons
      .map((r) => `  - ${r}\n`)
      .join('')}let the projections catch up (or stop the server) and check again\n`,
  };
}

function format(comparison: ReadModelComparison, head: Position | null): string {
  const header = ['collection', 'documents', 'rebuilt', 'live digest', 'rebuilt digest', 'equal'];
  const rows = comparison.collections.map((c) => [
    `${c.projection}/${c.collection}`,
    String(c.actual.documents),
    String(c.expected.documents),
    c.actual.sha256.slice(0, DIGEST_PREFIX),
    c.expected.sha256.slice(0, DIGEST_PREFIX),
    c.equal ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const documents = comparison.collections.reduce((n, c) => n + c.actual.documents, 0);
  const out = [
    `Read models compared with a rebuild from the log (up to position ${where(head)})`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ];
  if (comparison.equal) out.push(`Result: passed (${documents} documents equal the rebuild).`);
  else
    out.push(
      'Documents that differ from the rebuild:',
      ...describeDifferences(comparison).map((d) => `  - ${d}`),
      '',
      'Result: FAILED.',
    );
  return `${out.join('\n')}\n`;
}

function samePosition(a: Position | null, b: Position | null): boolean {
  return a === null || b === null ? a === b : comparePositions(a, b) === 0;
}

function where(position: Position | null): string {
  if (!position) return 'the start';
  const { commit, prepare } = position;
  return commit === prepare ? `${commit}` : `${commit}/${prepare}`;
}

if (require.main === module) {
  void checkReadModels(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = code;
  });
}
