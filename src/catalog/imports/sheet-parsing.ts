import type { Readable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';
import type { CatalogProduct } from './catalog-comparison';
import type { ImportReview } from './import-review';
import type { StagedRow } from './import-staging.port';
import { SheetUnreadable } from './sheet-reader';
import type { FromParsingThread, ToParsingThread } from './sheet-parsing.protocol';

/**
 * One upload parsed, mapped and reviewed on the sheet parsing thread (SheetParsingThread), so no
 * sheet, however hostile, holds up the thread that answers HTTP: this side only moves the
 * upload's chunks there and the staged rows back, one at a time each way (the upload waits while
 * the thread works), over a channel of its own.
 */
export class SheetParsing {
  /** The sheet's headers; rejected when it has none usable, or the upload broke off first. */
  readonly headers: Promise<string[]>;
  private readonly chunks: AsyncIterator<Buffer | string>;
  private readonly inbox: FromParsingThread[] = [];
  private waiting: { resolve: (m: FromParsingThread) => void; reject: (e: Error) => void } | null =
    null;
  private stopped: Error | null = null;
  private closed = false;

  constructor(
    private readonly port: MessagePort,
    input: Readable,
    private readonly progress: { rowsRead: number },
    private readonly onClose: () => void,
  ) {
    port.on('message', (message: FromParsingThread) => {
      if (!this.waiting) return void this.inbox.push(message);
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve(message);
    });
    this.chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
    // The iterator listens for the upload's errors only from its first read, which waits for
    // the thread to ask: meanwhile an error (the size limit) is kept for that read to throw.
    input.on('error', () => undefined);
    this.headers = this.readHeaders();
    // Whoever never asks for the headers (the upload was refused first) hears nothing of them.
    this.headers.catch(() => undefined);
  }

  /**
   * Reviews the rows against the vendor's catalog, handing each batch of staged lines to `stage`
   * before the thread reads on; the review's counts when the sheet ends.
   */
  async review(
    catalog: Iterable<CatalogProduct>,
    stage: (rows: readonly StagedRow[]) => Promise<void>,
  ): Promise<ImportReview> {
    await this.headers;
    this.send({ type: 'catalog', products: [...catalog] });
    for (;;) {
      const message = await this.next();
      if (message.type === 'done') return message.review;
      if (message.type !== 'staged') throw new Error(`unexpected ${message.type} from the parser`);
      this.progress.rowsRead = message.rowsRead;
      await stage(message.rows);
      this.send({ type: 'next' });
    }
  }

  /** Ends this upload's parsing, wherever it is (the thread drops it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    this.onClose();
  }

  /** The thread is gone (it crashed, or the server stops): whoever waits on it hears why. */
  stop(error: Error): void {
    this.stopped ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.stopped);
  }

  private async readHeaders(): Promise<string[]> {
    const message = await this.next();
    if (message.type !== 'headers') throw new Error(`unexpected ${message.type} from the parser`);
    return message.headers;
  }

  /** The thread's next word, once it has had the chunks of the upload it asked for. */
  private async next(): Promise<FromParsingThread> {
    for (;;) {
      const message = await this.received();
      if (message.type === 'failed') {
        throw message.unreadable
          ? new SheetUnreadable(message.message)
          : new Error(message.message);
      }
      if (message.type !== 'input') return message;
      this.progress.rowsRead = message.rowsRead;
      // The upload's own errors (too large, broken off, idle) are thrown here, as they are.
      const chunk = await this.chunks.next();
      if (chunk.done === true) this.send({ type: 'end' });
      else {
        // A copy of just this chunk (a Buffer may be a view of a larger one), moved, not cloned.
        const bytes = new Uint8Array(
          typeof chunk.value === 'string' ? Buffer.from(chunk.value) : chunk.value,
        );
        this.send({ type: 'chunk', bytes }, [bytes.buffer]);
      }
    }
  }

  private received(): Promise<FromParsingThread> {
    const message = this.inbox.shift();
    if (message) return Promise.resolve(message);
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private send(message: ToParsingThread, transfer?: ArrayBuffer[]): void {
    if (!this.closed) this.port.postMessage(message, transfer);
  }
}
