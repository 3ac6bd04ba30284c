import { execFileSync } from 'node:child_process';
import { verifySqliteLogInParallel } from '../../src/audit/parallel-verification';
import { auditSigningKey } from '../../src/shared/eventstore/sqlite-event-store';
import { type BenchRow, rate, thousands } from './bench-table';

export interface AuditVerifyMeasurement {
  readonly events: number;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly findings: number;
}

/**
 * `audit:verify`'s work over a log the store wrote (chains and digests, with the key it kept
 * beside the file). Run in a fresh process (see run-benchmarks): the peak RSS is the verifier's.
 */
export async function measureAuditVerify(
  file: string,
  threads: number,
): Promise<AuditVerifyMeasurement> {
  const signingKey = auditSigningKey(file, null);
  const started = performance.now();
  // One thread (threads < 2) reads and verifies in this thread.
  const report = await verifySqliteLogInParallel(file, { signingKey, digestEvery: 1000, threads });
  const ms = performance.now() - started;
  return {
    events: report.events,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: report.findingsTotal,
  };
}

/** The benchmark row: the verifier in a process of its own, over a log the store wrote. */
export function benchAuditVerify(file: string, threads: number): BenchRow {
  const args = [...process.execArgv, __filename, file, String(threads)];
  const output = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const m = JSON.parse(output) as AuditVerifyMeasurement;
  if (m.findings > 0) throw new Error(`the verifier found ${m.findings} problems in a clean log`);
  const perSecond = rate(m.events, m.ms);
  return {
    benchmark: `audit:verify, chains + signed digests, raw read, ${threads > 1 ? `${threads} threads (this one and ${threads - 1} worker)` : 'one thread'} (${thousands(m.events)} events)`,
    target: '>= 200,000 events/s, peak RSS < 500 MB',
    measured: `${thousands(perSecond)} events/s, peak RSS ${m.peakRssMb.toFixed(0)} MB`,
    met: perSecond >= 200_000 && m.peakRssMb < 500,
  };
}

if (require.main === module) {
  void measureAuditVerify(process.argv[2], Number(process.argv[3])).then((m) =>
    process.stdout.write(`${JSON.stringify(m)}\n`),
  );
}
