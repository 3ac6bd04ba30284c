import { parentPort, workerData } from 'node:worker_threads';
import type { PartitionTask } from './parallel-verification';
import { verifyPartition } from './verify-partition';

/** One worker's range of the log (see verifyPartition), progress and outcome as messages. */
void verifyPartition(workerData as PartitionTask, (progress) =>
  parentPort!.postMessage({ progress }),
).then(
  (outcome) => parentPort!.postMessage({ outcome }),
  (error: unknown) => parentPort!.postMessage({ error: String(error) }),
);
