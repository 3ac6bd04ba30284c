import { parentPort, workerData } from 'node:worker_threads';
import type { LogDigest } from '../shared/eventstore/log-digest';
import { LogVerifier } from './log-verifier';
import { SqliteChainSource } from './sqlite-chain-source';
import type { PartitionOutcome, PartitionTask } from './parallel-verification';

/** One worker's range of the log: read raw, verified, and handed back with what joins it. */
async function run(task: PartitionTask): Promise<PartitionOutcome> {
  const source = new SqliteChainSource(task.file, { from: task.from, to: task.to });
  try {
    const verifier = new LogVerifier({
      digests: task.digests as LogDigest[],
      signingKey: task.signingKey,
      digestEvery: null,
      densePositions: true,
      partition: { from: task.from, runningHash: task.runningHash },
    });
    let verified = 0;
    for await (const page of source.pages(task.pageSize)) {
      for (const row of page) verifier.add(row);
      verified += page.length;
      parentPort!.postMessage({ progress: verified });
    }
    return {
      report: verifier.finish(),
      openLinks: verifier.openLinks,
      heads: verifier.exportHeads(),
    };
  } finally {
    await source.close();
  }
}

void run(workerData as PartitionTask).then(
  (outcome) => parentPort!.postMessage({ outcome }),
  (error: unknown) => parentPort!.postMessage({ error: String(error) }),
);
