import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type RawLogQuery, type RawLogRow, SqliteRawLog } from './sqlite-raw-log';

/** Pages the reader thread may run ahead of the consumer: bounded memory, no stall. */
const PAGES_AHEAD = 4;

interface ReaderData {
  readonly file: string;
  readonly query: RawLogQuery;
  readonly credits: SharedArrayBuffer;
}

type ReaderMessage =
  | { readonly kind: 'page'; readonly rows: RawLogRow[] }
  | { readonly kind: 'end' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The embedded log's raw pages read on a thread of their own: SQLite steps through the B-tree and
 * builds the row strings there while this thread decodes JSON and folds. A few pages run ahead.
 */
export async function* rawLogPagesOnThread(
  file: string,
  query: RawLogQuery,
): AsyncGenerator<RawLogRow[]> {
  const credits = new Int32Array(new SharedArrayBuffer(4));
  const source = __filename.endsWith('.ts');
  const worker = new Worker(join(__dirname, `raw-log-reader-thread${source ? '.ts' : '.js'}`), {
    workerData: { file, query, credits: credits.buffer } satisfies ReaderData,
    execArgv: source ? ['-r', 'ts-node/register/transpile-only'] : [],
  });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ kind: 'error', message: error.message }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const message = queue.shift()!;
      if (message.kind === 'end') return;
      if (message.kind === 'error') throw new Error(`reading the log failed: ${message.message}`);
      Atomics.sub(credits, 0, 1);
      Atomics.notify(credits, 0);
      yield message.rows;
    }
  } finally {
    await worker.terminate();
  }
}

function readerThread(): void {
  const { file, query, credits: buffer } = workerData as ReaderData;
  const credits = new Int32Array(buffer);
  const log = new SqliteRawLog(file);
  try {
    for (const rows of log.rows(query)) {
      let ahead = Atomics.add(credits, 0, 1) + 1;
      parentPort!.postMessage({ kind: 'page', rows } satisfies ReaderMessage);
      while (ahead >= PAGES_AHEAD) {
        Atomics.wait(credits, 0, ahead);
        ahead = Atomics.load(credits, 0);
      }
    }
    parentPort!.postMessage({ kind: 'end' } satisfies ReaderMessage);
  } catch (error) {
    parentPort!.postMessage({
      kind: 'error',
      message: (error as Error).message,
    } satisfies ReaderMessage);
  } finally {
    log.close();
  }
}

if (!isMainThread && (workerData as Partial<ReaderData> | null)?.credits) readerThread();
