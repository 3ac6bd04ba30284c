import { existsSync } from 'node:fs';
import { ACCOUNT_CODES } from '../projections/accounting/chart-of-accounts';
import { POLICIES } from '../projections/accounting/recognition-policies';
import { trialBalance, type TrialBalanceLine } from '../projections/accounting/reports';
import { replayLedger } from '../src/accounting/ledger-replay';
import { replaySource } from '../src/accounting/replay-jobs';
import { eventVersions } from '../src/all-event-versions';
import { loadConfig } from '../src/shared/config/app-config';
import { openEventStore } from '../src/shared/eventstore/event-store.module';

const USAGE =
  'usage: API_URL=http://host:port API_TOKEN=<auditor token> npm run audit:replay\n' +
  '  rebuilds the trial balance of every policy from the raw events (DATA_DIR) and compares it,\n' +
  '  account by account, with the trial balance the server publishes.\n';

export interface AuditReplayOutcome {
  readonly code: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

type Fetch = (path: string) => Promise<{ lines: TrialBalanceLine[] }>;

/** Replays the raw log and compares each policy's trial balance with the published one. */
export async function auditReplay(
  env: NodeJS.ProcessEnv,
  published?: Fetch,
): Promise<AuditReplayOutcome> {
  const url = env.API_URL;
  const token = env.API_TOKEN;
  const fetchPublished: Fetch | null =
    published ??
    (url && token
      ? async (path) => {
          const response = await fetch(new URL(path, url), {
            headers: { authorization: `Bearer ${token}` },
          });
          if (!response.ok) throw new Error(`${path} answered ${response.status}`);
          return (await response.json()) as { lines: TrialBalanceLine[] };
        }
      : null);
  if (!fetchPublished) return { code: 2, stdout: '', stderr: USAGE };
  const config = loadConfig(env);
  if (config.eventStore.kind === 'sqlite' && !existsSync(config.eventStore.file))
    return {
      code: 2,
      stdout: '',
      stderr: `no event log at ${config.eventStore.file} (set DATA_DIR)\n`,
    };
  const store = openEventStore(config.eventStore, eventVersions);
  try {
    // The published reports first: the replay then covers at least what they had seen.
    const reports = new Map<string, TrialBalanceLine[]>();
    for (const policy of POLICIES)
      reports.set(
        policy,
        (await fetchPublished(`/accounting/trial-balance?policy=${policy}`)).lines,
      );
    const result = await replayLedger(replaySource(config, store), { policies: POLICIES });
    const out = [
      `Replayed ${result.events.toLocaleString('en-US')} ledger events from the raw log.`,
    ];
    let differences = 0;
    for (const policy of POLICIES) {
      const rebuilt = trialBalance(result.totals.byPolicy.get(policy)!);
      const shown = new Map(reports.get(policy)!.map((line) => [line.account, line]));
      out.push('', `${policy}: account, rebuilt debit/credit, published debit/credit`);
      for (const code of ACCOUNT_CODES) {
        const mine = rebuilt.lines.find((line) => line.account === code)!;
        const theirs = shown.get(code);
        const same =
          theirs !== undefined && theirs.debit === mine.debit && theirs.credit === mine.credit;
        if (!same) differences += 1;
        out.push(
          `  ${same ? 'ok  ' : 'DIFF'} ${code} ${mine.name.padEnd(40)} ${mine.debit}/${mine.credit}  ${theirs ? `${theirs.debit}/${theirs.credit}` : 'missing'}`,
        );
      }
    }
    out.push(
      '',
      differences === 0
        ? 'Result: the published trial balances are reproduced line by line.'
        : `Result: ${differences} line(s) DIFFER.`,
    );
    return { code: differences === 0 ? 0 : 1, stdout: `${out.join('\n')}\n`, stderr: '' };
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  auditReplay(process.env).then(
    ({ code, stdout, stderr }) => {
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `the audit replay could not run: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
