import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertImageKey,
  type ImageStore,
  type ImageVariant,
  type OpenedImage,
} from './image-store.port';

/** Temporary files this old were left by a crash, never by a write still under way. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Images as files under `<root>/<aa>/<bb>/<hash>-<variant>` (the first two byte pairs of the
 * hash spread them over 65,536 folders). A file is written in `<root>/.tmp`, flushed to disk and
 * only then renamed to its name, and the folder flushed too: a crash leaves at most a stray
 * temporary file, never a partial image under a final name. The content type is read back from
 * the file's first bytes, as every stored image was checked to be one of the known formats.
 */
export class FilesystemImageStore implements ImageStore {
  private readonly tmp: string;

  constructor(private readonly root: string) {
    this.tmp = join(root, '.tmp');
  }

  /** Removes temporary files an earlier process left behind when it stopped mid-write. */
  async removeLeftovers(now = Date.now()): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.tmp).catch(() => [] as string[])) {
      const path = join(this.tmp, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > LEFTOVER_AGE_MS) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Where an entry lives: for tests and operators, not for readers (they use `open`). */
  pathOf(hash: string, variant: ImageVariant): string {
    assertImageKey(hash, variant);
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), `${hash}-${variant}`);
  }

  async put(
    hash: string,
    variant: ImageVariant,
    content: Buffer | Readable,
    _contentType: string,
  ): Promise<boolean> {
    const target = this.pathOf(hash, variant);
    if (await this.has(hash, variant)) {
      if (!Buffer.isBuffer(content)) content.destroy();
      return false;
    }
    await mkdir(this.tmp, { recursive: true });
    const temporary = join(this.tmp, `${hash}-${variant}-${randomUUID()}`);
    try {
      const file = await open(temporary, 'wx');
      try {
        if (Buffer.isBuffer(content)) {
          await file.writeFile(content);
        } else {
          for await (const chunk of content) await file.write(chunk as Buffer);
        }
        await file.sync();
      } finally {
        await file.close();
      }
      const folder = join(target, '..');
      await mkdir(folder, { recursive: true });
      // A racing writer of the same key renames identical bytes over it: still whole either way.
      await rename(temporary, target);
      await syncFolder(folder);
      return true;
    } catch (error) {
      if (!Buffer.isBuffer(content)) content.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async has(hash: string, variant: ImageVariant): Promise<boolean> {
    const info = await stat(this.pathOf(hash, variant)).catch(ignoreMissing);
    return info?.isFile() ?? false;
  }

  async open(hash: string, variant: ImageVariant): Promise<OpenedImage | null> {
    const file = await open(this.pathOf(hash, variant), 'r').catch(ignoreMissing);
    if (!file) return null;
    try {
      const { size } = await file.stat();
      const head = Buffer.alloc(64);
      const { bytesRead } = await file.read(head, 0, head.length, 0);
      const contentType = imageTypeOf(head.subarray(0, bytesRead));
      return { bytes: size, contentType, stream: file.createReadStream({ start: 0 }) };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async close(): Promise<void> {}
}

function ignoreMissing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
  throw error;
}

/** Makes a rename durable: the folder's entry is on disk, not only the file's bytes. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems (and Windows) refuse fsync on a folder; the file itself is flushed.
    if (!['EINVAL', 'EPERM', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) {
      throw error;
    }
  } finally {
    await handle.close();
  }
}

/** The media type of the image formats the server accepts and makes, from their signatures. */
export function imageTypeOf(head: Buffer): string {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(0, 4))) return 'image/tiff';
  if (ascii(4, 8) === 'ftyp' && head.length >= 12) {
    const boxEnd = Math.min(head.readUInt32BE(0), head.length);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(at, at + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'image/avif';
  }
  return 'application/octet-stream';
}
