import { Presets, SingleBar } from 'cli-progress';
import { logLocation, verifyConfiguredLog } from '../src/audit/log-audit';
import type { Finding, VerificationReport } from '../src/audit/log-verifier';
import { loadConfig } from '../src/shared/config/app-config';
import { SqliteEventStore } from '../src/shared/eventstore/sqlite-event-store';
import type { CheckOutcome } from './check-invariants';

/** 0: the log is as it was written; 1: findings; 2: the verification could not run. */
export type VerifyOutcome = CheckOutcome;

const USAGE = 'usage: npm run audit:verify [-- --seal] [--json] [--threads <n>]\n';

/**
 * Recomputes every event's chain hash and every signed digest of the log the environment names,
 * and names each changed, missing, inserted or reordered event. `--seal` first signs a digest of
 * the log's head (embedded store), so that the newest events are covered too; `--json` prints
 * the report as JSON; `--threads n` verifies a large embedded log in n threads (this one and
 * n-1 workers).
 */
export async function auditVerify(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  progress: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Promise<VerifyOutcome> {
  const threadsAt = args.indexOf('--threads');
  const threads = threadsAt >= 0 ? Number(args[threadsAt + 1]) : 1;
  const known = args.filter((arg, i) => arg === '--seal' || arg === '--json' || i === threadsAt);
  if (
    known.length + (threadsAt >= 0 ? 1 : 0) !== args.length ||
    !Number.isInteger(threads) ||
    threads < 1 ||
    threads > 16
  ) {
    return { code: 2, stdout: '', stderr: USAGE };
  }
  try {
    const config = loadConfig(env);
    const events = config.eventStore;
    if (args.includes('--seal') && events.kind === 'sqlite') {
      const store = new SqliteEventStore({ file: events.file, audit: events.audit });
      await store.sealHead().finally(() => store.close());
    }
    const display = progressDisplay(progress);
    const started = Date.now();
    const report = await verifyConfiguredLog(
      config,
      (done, total) => display.show(done, total, Date.now() - started),
      { threads },
    );
    display.finish();
    const seconds = (Date.now() - started) / 1000;
    const stdout = args.includes('--json')
      ? `${JSON.stringify(report, null, 2)}\n`
      : format(report, logLocation(config), seconds);
    return { code: report.ok ? 0 : 1, stdout, stderr: '' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 2, stdout: '', stderr: `the verification could not run: ${reason}\n` };
  }
}

function format(report: VerificationReport, where: string, seconds: number): string {
  const out = [
    `Tamper evidence of ${where}`,
    `Verified ${n(report.events, 'event')} in ${n(report.streams, 'stream')} and ` +
      `${n(report.digests, 'signed digest')} in ${seconds.toFixed(1)} s ` +
      `(${n(Math.round(report.events / Math.max(seconds, 0.001)), 'event')}/s).`,
  ];
  if (report.unsealedEvents > 0) {
    out.push(
      `${n(report.unsealedEvents, 'event')} after the last digest: covered by their chains only (--seal signs them).`,
    );
  }
  out.push('');
  if (report.findingsTotal === 0) out.push('Findings: none.');
  else {
    out.push(`${n(report.findingsTotal, 'finding')}, in log order:`);
    out.push(...report.findings.map(finding));
    if (report.findingsTotal > report.findings.length) {
      out.push(`  ... and ${n(report.findingsTotal - report.findings.length, 'more')}.`);
    }
  }
  out.push(
    '',
    report.ok ? 'Result: passed.' : `Result: FAILED (${n(report.findingsTotal, 'finding')}).`,
  );
  return `${out.join('\n')}\n`;
}

function finding(f: Finding, index: number): string {
  return `  ${index + 1}. [${f.kind}] ${f.message}`;
}

function n(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** A bar on a terminal; elsewhere a line every few seconds. */
function progressDisplay(output: NodeJS.WritableStream & { isTTY?: boolean }) {
  if (output.isTTY) {
    const bar = new SingleBar(
      {
        format:
          'Verifying |{bar}| {percentage}% | {value} of {total} events | {rate}/s | ETA {eta}s',
        stream: output,
        hideCursor: true,
        fps: 5,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      show(done: number, total: number, ms: number) {
        const rate = Math.round((done / Math.max(ms, 1)) * 1000).toLocaleString('en-US');
        if (!started) bar.start(Math.max(total, 1), done, { rate });
        else bar.update(done, { rate });
        started = true;
      },
      finish: () => started && bar.stop(),
    };
  }
  let lastAt = 0;
  return {
    show(done: number, total: number, ms: number) {
      if (ms - lastAt < 2000 && done < total) return;
      lastAt = ms;
      output.write(`verified ${n(done, 'event')} of ${total.toLocaleString('en-US')}\n`);
    },
    finish: () => undefined,
  };
}

if (require.main === module) {
  void auditVerify(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = code;
  });
}
