import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { FilesystemImageStore, imageTypeOf } from '../../src/shared/images/filesystem-image-store';
import { tempDir } from '../support/temp-dir';
import { describeImageStoreContract } from './image-store.contract';

describeImageStoreContract('filesystem', async () => {
  const dir = tempDir('backorder-ledger-images-');
  return {
    store: new FilesystemImageStore(join(dir.path, 'images')),
    dispose: async () => dir.remove(),
  };
});

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(root, name)).isFile())
    .map((name) => relative(root, join(root, name)))
    .sort();
}

describe('filesystem image store', () => {
  let dir: ReturnType<typeof tempDir>;
  let root: string;
  let store: FilesystemImageStore;
  const data = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(5000)]);
  const hash = createHash('sha256').update(data).digest('hex');

  beforeEach(() => {
    dir = tempDir('backorder-ledger-images-');
    root = join(dir.path, 'images');
    store = new FilesystemImageStore(root);
  });
  afterEach(() => dir.remove());

  it('lays files out as <aa>/<bb>/<hash>-<variant> under its folder, and nothing else', async () => {
    await store.put(hash, 'original', data, 'image/png');
    await store.put(hash, 'thumbnail', data, 'image/png');
    const folder = join(hash.slice(0, 2), hash.slice(2, 4));
    expect(filesUnder(root).filter((f) => !f.startsWith('.tmp'))).toEqual([
      join(folder, `${hash}-original`),
      join(folder, `${hash}-thumbnail`),
    ]);
    expect(filesUnder(join(root, '.tmp'))).toEqual([]);
    expect(store.pathOf(hash, 'medium')).toBe(join(root, folder, `${hash}-medium`));
  });

  it('writes into a temporary file first: a failed write leaves no file under a final name', async () => {
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent++ === 3) return this.destroy(new Error('disk pulled'));
        this.push(randomBytes(64 * 1024));
      },
    });
    await expect(store.put(hash, 'original', source, 'image/png')).rejects.toThrow('disk pulled');
    expect(filesUnder(root)).toEqual([]);
  });

  it('removes temporary files a crash left behind, once they are old, and keeps fresh ones', async () => {
    await store.put(hash, 'original', data, 'image/png');
    const tmp = join(root, '.tmp');
    writeFileSync(join(tmp, 'stale-upload'), 'half an image');
    writeFileSync(join(tmp, 'fresh-upload'), 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(tmp, 'stale-upload'), twoHoursAgo, twoHoursAgo);
    expect(await store.removeLeftovers()).toBe(1);
    expect(filesUnder(tmp)).toEqual(['fresh-upload']);
    expect(await store.has(hash, 'original')).toBe(true);
  });

  it('answers "no such image" for a store that has never been written', async () => {
    expect(await store.has(hash, 'original')).toBe(false);
    expect(await store.open(hash, 'medium')).toBeNull();
    expect(await new FilesystemImageStore(join(dir.path, 'none')).removeLeftovers()).toBe(0);
  });

  it('tells the content type of each accepted format from its first bytes', () => {
    const ascii = (text: string) => Buffer.from(text, 'latin1');
    const avif = Buffer.alloc(32);
    avif.writeUInt32BE(28, 0);
    avif.write('ftypmif1\0\0\0\0mif1avifmiaf', 4, 'latin1');
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('image/jpeg');
    expect(imageTypeOf(ascii('\x89PNG\r\n\x1a\n....'))).toBe('image/png');
    expect(imageTypeOf(ascii('GIF89a....'))).toBe('image/gif');
    expect(imageTypeOf(ascii('RIFF\x10\0\0\0WEBPVP8L'))).toBe('image/webp');
    expect(imageTypeOf(ascii('II*\0\x08\0\0\0'))).toBe('image/tiff');
    expect(imageTypeOf(ascii('MM\0*\0\0\0\x08'))).toBe('image/tiff');
    expect(imageTypeOf(avif)).toBe('image/avif');
    expect(imageTypeOf(ascii('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe(
      'application/octet-stream',
    );
    expect(imageTypeOf(Buffer.alloc(0))).toBe('application/octet-stream');
  });
});
