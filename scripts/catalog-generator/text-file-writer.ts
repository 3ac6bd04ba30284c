import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 256 * 1024;

/**
 * Lines to a file in chunks of a few hundred kilobytes, waiting for the disk when it falls
 * behind: a sheet of any size passes through in constant memory.
 */
export class TextFileWriter {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  private chars = 0;
  /** Bytes handed to the file so far. */
  bytes = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  }

  /** Adds text; when this answers true, await `flush()` before adding more. */
  add(text: string): boolean {
    this.parts.push(text);
    this.chars += text.length;
    return this.chars >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.chars = 0;
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  /** Gives up on the file after an error, without waiting for the disk. */
  destroy(): void {
    this.stream.destroy();
  }
}
