import { execFileSync } from 'node:child_process';
import { replayLedger } from '../../src/accounting/ledger-replay';
import { POLICIES, type Policy } from '../../projections/accounting/recognition-policies';
import { type BenchRow, rate, thousands } from './bench-table';

export interface LedgerReplayMeasurement {
  readonly events: number;
  readonly entries: number;
  readonly ms: number;
  readonly peakRssMb: number;
}

/** One replay in this process, sampling RSS at every page. Run it in a fresh child. */
export async function measureLedgerReplay(
  file: string,
  policies: readonly Policy[],
  readerThread: boolean,
): Promise<LedgerReplayMeasurement> {
  let peak = process.memoryUsage().rss;
  const result = await replayLedger(
    { kind: 'sqlite-file', file },
    {
      policies,
      readerThread,
      onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    },
  );
  peak = Math.max(peak, process.memoryUsage().rss);
  if (result.totals.unbalanced > 0)
    throw new Error(`${result.totals.unbalanced} unbalanced entries`);
  return {
    events: result.events,
    entries: result.totals.entries,
    ms: result.ms,
    peakRssMb: peak / 1024 / 1024,
  };
}

/** Replays the log into one policy's ledger, then all three in one pass, each in its own process. */
export function benchLedgerReplay(file: string, childScript: string): BenchRow[] {
  const rows: BenchRow[] = [];
  const cases: [string, readonly Policy[], number, boolean][] = [
    ['ledger replay, one policy (at-set-aside)', ['at-set-aside'], 150_000, false],
    ['ledger replay, one policy, log read on a second thread', ['at-set-aside'], 150_000, true],
    ['ledger replay, all three policies in one pass', POLICIES, 100_000, false],
    ['ledger replay, all three in one pass, log read on a second thread', POLICIES, 100_000, true],
  ];
  for (const [name, policies, target, thread] of cases) {
    const output = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        childScript,
        '--ledger-replay-child',
        file,
        policies.join(','),
        thread ? 'thread' : 'main',
      ],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    const m = JSON.parse(output) as LedgerReplayMeasurement;
    const measured = rate(m.events, m.ms);
    rows.push({
      benchmark: `${name} (${thousands(m.events)} events, ${thousands(m.entries)} entries)`,
      target: `>= ${thousands(target)} events/s, peak RSS < 500 MB`,
      measured: `${thousands(measured)} events/s, peak RSS ${m.peakRssMb.toFixed(0)} MB`,
      met: measured >= target && m.peakRssMb < 500,
    });
  }
  return rows;
}
