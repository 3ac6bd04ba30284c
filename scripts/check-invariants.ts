import { eventVersions } from '../src/all-event-versions';
import { existsSync } from 'node:fs';
import {
  auditEventLog,
  type AuditReport,
  type Discrepancy,
  type Violation,
} from '../src/audit/invariant-checker';
import {
  checkLedgerInvariants,
  type LedgerInvariant,
} from '../projections/accounting/ledger-invariants';
import { POLICIES } from '../projections/accounting/recognition-policies';
import { replayLedger } from '../src/accounting/ledger-replay';
import { replaySource } from '../src/accounting/replay-jobs';
import { loadConfig } from '../src/shared/config/app-config';
import { openEventStore } from '../src/shared/eventstore/event-store.module';

export interface CheckOutcome {
  /** 0: nothing broken; 1: a violation (with --strict, a discrepancy too); 2: the check could not run. */
  readonly code: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = 'usage: npm run check:invariants [-- --strict]\n';

/**
 * Replays the whole event log of the store the environment names (as the server reads it) and
 * re-checks the ledger's invariants. Discrepancies between aggregates at the end of the log are
 * warnings, since reactors may still be catching up, unless `--strict` makes them failures.
 */
export async function checkInvariants(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckOutcome> {
  if (args.some((arg) => arg !== '--strict')) return { code: 2, stdout: '', stderr: USAGE };
  const strict = args.includes('--strict');
  try {
    const config = loadConfig(env);
    const where =
      config.eventStore.kind === 'sqlite' ? config.eventStore.file : 'the EventStoreDB server';
    // Opening a missing SQLite file would create an empty log and pass it.
    if (config.eventStore.kind === 'sqlite' && !existsSync(config.eventStore.file))
      return { code: 2, stdout: '', stderr: `no event log at ${where} (set DATA_DIR)\n` };
    const store = openEventStore(config.eventStore, eventVersions);
    let report: AuditReport;
    let ledger: LedgerInvariant[];
    try {
      report = await auditEventLog(store);
      const replay = await replayLedger(replaySource(config, store), { policies: POLICIES });
      ledger = checkLedgerInvariants(replay.state, replay.totals);
    } finally {
      await store.close();
    }
    const failed =
      report.violations.length > 0 ||
      ledger.some((check) => !check.holds) ||
      (strict && report.discrepancies.length > 0);
    return {
      code: failed ? 1 : 0,
      stdout: format(report, where, strict, ledger),
      stderr: '',
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 2, stdout: '', stderr: `the invariant check could not run: ${reason}\n` };
  }
}

function format(
  report: AuditReport,
  where: string,
  strict: boolean,
  ledger: readonly LedgerInvariant[],
): string {
  const { summary, violations, discrepancies } = report;
  const out = [
    `Invariants of ${where}`,
    `Read ${n(summary.events, 'event')}: ${n(summary.purchaseOrders, 'purchase order')} ` +
      `(${n(summary.purchaseOrderLines, 'line')}, ${n(summary.allocations, 'allocation')}), ` +
      `${n(summary.products, 'product')} in stock, ${n(summary.customerLines, 'customer line')}.`,
    '',
    violations.length === 0
      ? 'Violations: none.'
      : `${n(violations.length, 'violation')}, in log order:`,
    ...violations.flatMap(violation),
  ];
  out.push('');
  if (discrepancies.length === 0) out.push('Discrepancies between aggregates: none.');
  else {
    out.push(
      strict
        ? `${n(discrepancies.length, 'discrepancy', 'discrepancies')} between aggregates, failures under --strict:`
        : `${n(discrepancies.length, 'warning')}: aggregates disagree at the end of the log (reactors may still be catching up; --strict fails on these):`,
      ...discrepancies.map(discrepancy),
    );
  }
  out.push(...ledgerLines(ledger));
  const failures =
    violations.length +
    (strict ? discrepancies.length : 0) +
    ledger.filter((check) => !check.holds).length;
  out.push('', failures === 0 ? 'Result: passed.' : `Result: FAILED (${n(failures, 'problem')}).`);
  return `${out.join('\n')}\n`;
}

/** The ledger's checks under every recognition policy, after the event log's own. */
function ledgerLines(checks: readonly LedgerInvariant[]): string[] {
  return [
    '',
    'Ledger, under every recognition policy:',
    ...checks.map((c) => `  ${c.holds ? 'ok    ' : 'FAILED'} ${c.rule}: ${c.detail}`),
  ];
}

function n(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function violation(v: Violation, index: number): string[] {
  const { commit, prepare } = v.position;
  const position = commit === prepare ? `${commit}` : `${commit}/${prepare}`;
  return [
    `  ${index + 1}. [${v.rule}] ${v.message}`,
    `     event ${v.eventId} (${v.eventType}), stream ${v.stream} revision ${v.revision}, log position ${position}`,
  ];
}

function discrepancy(d: Discrepancy): string {
  return `  - [${d.rule}] ${d.message} (backorder ${d.backorderId}, line ${d.lineId})`;
}

if (require.main === module) {
  void checkInvariants(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = code;
  });
}
