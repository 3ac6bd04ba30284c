import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { ImageStore } from '../../src/shared/images/image-store.port';
import { describeSkippedContract } from '../support/contract';

export interface ImageStoreUnderTest {
  readonly store: ImageStore;
  dispose(): Promise<void>;
}

/** Bytes that look like a JPEG to a reader of signatures, unique per call. */
function pictureBytes(size: number): { hash: string; data: Buffer } {
  const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
  return { hash: createHash('sha256').update(data).digest('hex'), data };
}

/** A source that yields `bytes` of data in small pieces, then fails. */
function failingSource(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) {
        this.destroy(new Error('the client went away'));
        return;
      }
      sent += 16 * 1024;
      this.push(randomBytes(16 * 1024));
    },
  });
}

/**
 * What every image store adapter must do, written once: whole entries or none, written once,
 * read back byte for byte with their size and type, and keys that cannot name anything else.
 */
export function describeImageStoreContract(
  adapter: string,
  open: (() => Promise<ImageStoreUnderTest>) | { skip: string },
): void {
  if ('skip' in open) return describeSkippedContract('image store', adapter, open.skip);

  describe(`image store contract: ${adapter}`, () => {
    let subject: ImageStoreUnderTest;
    let store: ImageStore;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(() => subject?.dispose());

    it('reads back what was put, byte for byte, with its size and content type', async () => {
      const { hash, data } = pictureBytes(700 * 1024);
      expect(await store.has(hash, 'original')).toBe(false);
      expect(await store.put(hash, 'original', data, 'image/jpeg')).toBe(true);
      expect(await store.has(hash, 'original')).toBe(true);
      const opened = await store.open(hash, 'original');
      expect(opened).toMatchObject({ bytes: data.length, contentType: 'image/jpeg' });
      expect((await buffer(opened!.stream)).equals(data)).toBe(true);
    });

    it('keeps the variants of one hash apart', async () => {
      const { hash, data } = pictureBytes(4096);
      const thumbnail = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), randomBytes(100)]);
      await store.put(hash, 'original', data, 'image/jpeg');
      await store.put(hash, 'thumbnail', thumbnail, 'image/webp');
      expect(await store.has(hash, 'medium')).toBe(false);
      expect(await store.open(hash, 'medium')).toBeNull();
      const opened = await store.open(hash, 'thumbnail');
      expect(opened).toMatchObject({ bytes: thumbnail.length, contentType: 'image/webp' });
      expect((await buffer(opened!.stream)).equals(thumbnail)).toBe(true);
    });

    it('takes a stream as well as a buffer', async () => {
      const { hash, data } = pictureBytes(300 * 1024);
      const pieces = [data.subarray(0, 1000), data.subarray(1000, 200_000), data.subarray(200_000)];
      expect(await store.put(hash, 'original', Readable.from(pieces), 'image/jpeg')).toBe(true);
      const opened = await store.open(hash, 'original');
      expect((await buffer(opened!.stream)).equals(data)).toBe(true);
    });

    it('writes an entry once: putting it again changes nothing and says so', async () => {
      const { hash, data } = pictureBytes(2048);
      expect(await store.put(hash, 'original', data, 'image/jpeg')).toBe(true);
      expect(await store.put(hash, 'original', data, 'image/jpeg')).toBe(false);
      const opened = await store.open(hash, 'original');
      expect((await buffer(opened!.stream)).equals(data)).toBe(true);
    });

    it('survives the same entry put by racing writers, and stores it whole', async () => {
      const { hash, data } = pictureBytes(600 * 1024);
      const results = await Promise.all(
        Array.from({ length: 4 }, () => store.put(hash, 'original', data, 'image/jpeg')),
      );
      expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
      const opened = await store.open(hash, 'original');
      expect(opened?.bytes).toBe(data.length);
      expect((await buffer(opened!.stream)).equals(data)).toBe(true);
    });

    it('leaves nothing under the key when the source fails midway', async () => {
      const { hash } = pictureBytes(16);
      await expect(
        store.put(hash, 'original', failingSource(600 * 1024), 'image/jpeg'),
      ).rejects.toThrow('the client went away');
      expect(await store.has(hash, 'original')).toBe(false);
      expect(await store.open(hash, 'original')).toBeNull();
      // And the key can still be written whole afterwards.
      const data = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3]);
      expect(await store.put(hash, 'original', data, 'image/jpeg')).toBe(true);
      expect((await buffer((await store.open(hash, 'original'))!.stream)).equals(data)).toBe(true);
    });

    it('refuses keys that are not a sha256 and a variant', async () => {
      const { data } = pictureBytes(64);
      for (const hash of ['../../etc/passwd', 'A'.repeat(64), 'abc', `${'a'.repeat(64)}/x`]) {
        await expect(store.put(hash, 'original', data, 'image/jpeg')).rejects.toThrow(
          'not an image hash',
        );
        await expect(store.has(hash, 'original')).rejects.toThrow('not an image hash');
      }
      await expect(store.open('a'.repeat(64), '../x' as 'original')).rejects.toThrow(
        'not an image variant',
      );
    });
  });
}
