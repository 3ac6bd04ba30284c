import { Presets, SingleBar } from 'cli-progress';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicies, POLICY_DESCRIPTIONS } from '../projections/accounting/recognition-policies';
import { replayLedger } from '../src/accounting/ledger-replay';
import { replaySource, summarise } from '../src/accounting/replay-jobs';
import { eventVersions } from '../src/all-event-versions';
import { loadConfig } from '../src/shared/config/app-config';
import { openEventStore } from '../src/shared/eventstore/event-store.module';

const USAGE =
  'usage: npm run ledger:replay -- --policy at-pickup|at-set-aside|at-order[,...] [--as-of <ISO time>]\n';

/**
 * Rebuilds the ledger of one or more policies from the raw event log in one pass, with a
 * progress bar, prints a summary and writes the book once, to DATA_DIR/ledger-books/.
 */
async function main(args: readonly string[]): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const policies = parsePolicies(option('--policy') ?? '');
  const asOf = option('--as-of') ?? null;
  if (!policies || (asOf !== null && Number.isNaN(Date.parse(asOf)))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  if (config.eventStore.kind === 'sqlite' && !existsSync(config.eventStore.file)) {
    process.stderr.write(`no event log at ${config.eventStore.file} (set DATA_DIR)\n`);
    return 2;
  }
  const store = openEventStore(config.eventStore, eventVersions);
  const bar = new SingleBar(
    {
      format:
        'Replaying |{bar}| {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      barsize: 30,
      fps: 5,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  try {
    bar.start(1, 0, { events: 0, rate: 0 });
    const result = await replayLedger(replaySource(config, store), {
      policies,
      asOf: asOf === null ? null : new Date(asOf).toISOString(),
      onProgress: ({ events, position, lastPosition }) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        const seconds = (performance.now() - started) / 1000;
        if (lastPosition > 0) bar.setTotal(lastPosition);
        bar.update(lastPosition > 0 ? position : 0, {
          events: events.toLocaleString('en-US'),
          rate: Math.round(events / Math.max(seconds, 0.001)).toLocaleString('en-US'),
        });
      },
    });
    bar.update(bar.getTotal());
    bar.stop();
    const summary = summarise(result);
    const dir = join(config.dataDir, 'ledger-books');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${policies.join('+')}${asOf ? `@${asOf.replace(/:/g, '')}` : ''}.json`);
    writeFileSync(
      file,
      JSON.stringify({ asOf: result.asOf, lastPosition: result.lastPosition, ...summary }, null, 2),
    );
    const out = [
      '',
      `Replayed ${summary.events.toLocaleString('en-US')} ledger events into ${summary.entries.toLocaleString('en-US')} entries in ${(summary.ms / 1000).toFixed(1)} s (${summary.eventsPerSecond.toLocaleString('en-US')} events/s), peak RSS ${Math.round(peakRss / 2 ** 20)} MB${asOf ? `, as recorded at ${asOf}` : ''}.`,
      `Unbalanced entries: ${summary.unbalancedEntries}.`,
    ];
    for (const policy of policies) {
      const { trialBalance, periods } = summary.policies[policy];
      out.push(
        '',
        `${policy}: ${POLICY_DESCRIPTIONS[policy]}`,
        '  period    revenue       cost   deposits held',
      );
      for (const p of periods)
        out.push(`  ${p.period} ${money(p.revenue)} ${money(p.cost)} ${money(p.deposits)}`);
      out.push(
        `  trial balance: debits ${money(trialBalance.debit)}, credits ${money(trialBalance.credit)}, ${trialBalance.balanced ? 'balanced' : 'NOT BALANCED'}`,
      );
    }
    out.push('', `The book is written to ${file}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return summary.unbalancedEntries === 0 ? 0 : 1;
  } finally {
    bar.stop();
    await store.close();
  }
}

function money(minor: number): string {
  return (minor / 100).toFixed(2).padStart(10);
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(
        `the replay could not run: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
