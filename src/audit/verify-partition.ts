import type { LogDigest } from '../shared/eventstore/log-digest';
import { LogVerifier } from './log-verifier';
import type { PartitionOutcome, PartitionTask } from './parallel-verification';
import { SqliteChainSource } from './sqlite-chain-source';

/**
 * One range of the log, read raw and verified, handed back with what joins it to the ranges
 * around it: the same work in a worker thread or in the thread that splits the log.
 */
export async function verifyPartition(
  task: PartitionTask,
  onProgress: (verified: number) => void,
): Promise<PartitionOutcome> {
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
      onProgress(verified);
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
