import { type MessagePort, parentPort } from 'node:worker_threads';
import type { CatalogProduct } from './catalog-comparison';
import type { StagedRow } from './import-staging.port';
import { readSheet, SheetUnreadable } from './sheet-reader';
import type {
  FromParsingThread,
  SheetParsingTask,
  ToParsingThread,
} from './sheet-parsing.protocol';
import { SheetReview } from './sheet-review';

/** Staged lines handed over at once: the size of one write to the staging store. */
const STAGE_BATCH = 2_000;

/** One upload's channel: what the server sent, taken in order; closed when it lets go. */
class Channel {
  private readonly inbox: ToParsingThread[] = [];
  private waiting: ((message: ToParsingThread | null) => void) | null = null;
  private closed = false;

  constructor(private readonly port: MessagePort) {
    port.on('message', (message: ToParsingThread) => {
      if (!this.waiting) return void this.inbox.push(message);
      const wake = this.waiting;
      this.waiting = null;
      wake(message);
    });
    port.on('close', () => {
      this.closed = true;
      this.waiting?.(null);
      this.waiting = null;
    });
  }

  /** The next message; throws once the server has let go of the upload. */
  async received(): Promise<ToParsingThread> {
    const message =
      this.inbox.shift() ??
      (this.closed ? null : await new Promise<ToParsingThread | null>((r) => (this.waiting = r)));
    if (message === null) throw new Error('the server let go of the upload');
    return message;
  }

  send(message: FromParsingThread): void {
    if (!this.closed) this.port.postMessage(message);
  }
}

/** One upload, read and reviewed here: the thread that answers HTTP only moves bytes and rows. */
async function parse(task: SheetParsingTask, channel: Channel): Promise<void> {
  let rowsRead = 0;
  const upload = async function* (): AsyncGenerator<Buffer> {
    for (;;) {
      channel.send({ type: 'input', rowsRead });
      const message = await channel.received();
      if (message.type !== 'chunk') return;
      const { bytes } = message;
      yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  };
  const { profile } = task;
  const sheet = readSheet(upload(), {
    format: profile.format,
    delimiter: profile.delimiter,
    keep: Object.values(profile.columns),
  });
  const headers = await sheet.headers;
  channel.send({ type: 'headers', headers });

  const catalog = await channel.received();
  if (catalog.type !== 'catalog') throw new Error(`expected the catalog, got ${catalog.type}`);
  const review = new SheetReview(
    task.vendorId,
    profile,
    headers,
    new Map<string, CatalogProduct>(catalog.products.map((p) => [p.vendorSku, p])),
  );
  let batch: StagedRow[] = [];
  const handOver = async () => {
    channel.send({ type: 'staged', rows: batch, rowsRead });
    batch = [];
    await channel.received();
  };
  for await (const row of sheet.rows) {
    rowsRead += 1;
    batch.push(review.take(row));
    if (batch.length >= STAGE_BATCH) await handOver();
  }
  batch.push(...review.missing());
  await handOver();
  channel.send({ type: 'done', review: review.counts });
}

parentPort!.on('message', ({ task, port }: { task: SheetParsingTask; port: MessagePort }) => {
  const channel = new Channel(port);
  void parse(task, channel)
    .catch((error: unknown) =>
      channel.send({
        type: 'failed',
        message: (error as Error).message ?? String(error),
        unreadable: error instanceof SheetUnreadable,
      }),
    )
    .finally(() => port.close());
});
