import { dirname } from 'node:path';
import { SqliteChainSource } from '../../src/audit/sqlite-chain-source';
import { verifyLog } from '../../src/audit/verify-log';
import { keptSecret } from '../../src/shared/config/kept-secret';

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
export async function measureAuditVerify(file: string): Promise<AuditVerifyMeasurement> {
  const signingKey = keptSecret(null, dirname(file), 'audit-signing-key');
  const started = performance.now();
  const source = new SqliteChainSource(file);
  const report = await verifyLog(source, { signingKey, digestEvery: 1000 }).finally(() =>
    source.close(),
  );
  const ms = performance.now() - started;
  return {
    events: report.events,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: report.findingsTotal,
  };
}

if (require.main === module) {
  void measureAuditVerify(process.argv[2]).then((m) => process.stdout.write(`${JSON.stringify(m)}\n`));
}
