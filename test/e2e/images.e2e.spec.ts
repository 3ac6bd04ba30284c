import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { ConsumersSettled } from '../../src/shared/consumers/consumers-settled';
import { streams } from '../../src/shared/eventstore/stream-names';
import { eventCount, startTestApp, type TestApp } from '../support/test-app';

/** Small enough to make a too-large picture quickly, large enough for the 3000 x 2000 one. */
const MAX_BYTES = 1_500_000;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A photo-like JPEG: smooth gradients with a little grain, so it compresses as photos do. */
async function photo(width: number, height: number, orientation?: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = ((x * 7919 + y * 104729) % 13) - 6;
      pixels[i] = Math.max(0, Math.min(255, Math.round((x / width) * 200) + 30 + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, Math.round((y / height) * 160) + 40 + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, 90 + Math.round(((x + y) % 200) / 4) + grain));
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return (orientation ? image.withMetadata({ orientation }) : image)
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A PNG whose header claims `width` x `height` pixels while holding almost nothing. */
async function pixelBomb(width: number, height: number): Promise<Buffer> {
  const png = await sharp({
    create: { width: 8, height: 8, channels: 3, background: '#884422' },
  })
    .png()
    .toBuffer();
  // IHDR is the first chunk: length (4), type (4), width (4), height (4), ... then its CRC.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

/** Every stored image file under the data folder (temporary files aside). */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'images');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.startsWith('.tmp') && statSync(join(root, name)).isFile())
    .sort();
}

const stagedUploads = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('backorder-ledger-upload-'));

describe('product images', () => {
  let t: TestApp;
  let vendorId: string;
  let productId: string;
  let otherProductId: string;
  let rug: Buffer;
  let rugHash: string;

  const listProduct = async (vendorSku: string) => {
    const listed = await t.http
      .post('/products')
      .send({
        vendorId,
        vendorSku,
        name: `Heriz ${vendorSku}`,
        size: '8x10',
        images: ['https://images.example/heriz.jpg'],
        cost: { amount: 150_000, currency: 'USD' },
        retailPrice: { amount: 329_900, currency: 'USD' },
      })
      .expect(201);
    return listed.body.id as string;
  };
  const upload = (product: string, data: Buffer, filename = 'rug.jpg', field = 'file') =>
    t.http
      .post(`/products/${product}/images`)
      .attach(field, data, { filename, contentType: 'image/jpeg' });
  const productImages = async (product: string): Promise<string[]> => {
    const events = await t.events.readStream(streams.product(product));
    let images: string[] = [];
    for (const event of events) {
      const data = event.data as { images?: string[]; changes?: { images?: string[] } };
      images = data.changes?.images ?? data.images ?? images;
    }
    return images;
  };
  /** A refused upload appends nothing, stores nothing and leaves no temporary file behind. */
  const expectRefused = async (
    send: () => Promise<Response>,
    status: number,
    message: RegExp,
  ): Promise<Response> => {
    const events = await eventCount(t.events);
    const files = storedFiles(t.dataDir);
    const staged = stagedUploads();
    const answer = await send();
    expect({ status: answer.status, body: answer.body as unknown }).toMatchObject({
      status,
      body: { statusCode: status, message: expect.stringMatching(message) },
    });
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(await eventCount(t.events)).toBe(events);
    expect(storedFiles(t.dataDir)).toEqual(files);
    expect(stagedUploads()).toEqual(staged);
    return answer;
  };

  beforeAll(async () => {
    t = await startTestApp({ IMAGE_MAX_BYTES: String(MAX_BYTES) });
    const vendor = await t.http
      .post('/vendors')
      .send({ name: 'Heriz Looms', leadTimeDays: 30, consolidation: 'per-order' })
      .expect(201);
    vendorId = vendor.body.id;
    productId = await listProduct('HZ-810');
    otherProductId = await listProduct('HZ-912');
    rug = await photo(3000, 2000);
    rugHash = sha256(rug);
    expect(rug.length).toBeLessThan(MAX_BYTES);
  }, 60_000);
  afterAll(() => t?.close());

  it('stores an uploaded JPEG with its medium size and thumbnail, and lists it on the product', async () => {
    const answer = await upload(productId, rug);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      hash: rugHash,
      format: 'jpeg',
      width: 3000,
      height: 2000,
      bytes: rug.length,
      urls: {
        original: `/images/${rugHash}`,
        medium: `/images/${rugHash}/medium`,
        thumbnail: `/images/${rugHash}/thumbnail`,
      },
    });
    expect(answer.headers.location).toBe(`/images/${rugHash}`);
    expect(answer.headers['x-log-position']).toMatch(/^\d+:\d+$/);
    // The URL the sheet gave stays; the upload comes after it.
    expect(await productImages(productId)).toEqual(['https://images.example/heriz.jpg', rugHash]);
    const [, changed] = await t.events.readStream(streams.product(productId));
    expect(changed).toMatchObject({
      type: 'ProductDetailsChanged',
      metadata: { actor: 'staff', causationId: answer.headers['x-request-id'] },
    });
    const shard = join(rugHash.slice(0, 2), rugHash.slice(2, 4));
    expect(storedFiles(t.dataDir)).toEqual(
      ['medium', 'original', 'thumbnail'].map((v) => join(shard, `${rugHash}-${v}`)),
    );

    const original = await t.http.get(`/images/${rugHash}`).expect(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(Number(original.headers['content-length'])).toBe(rug.length);
    expect(Buffer.compare(original.body as Buffer, rug)).toBe(0);

    for (const [variant, width, height] of [
      ['medium', 1600, 1067],
      ['thumbnail', 320, 213],
    ] as const) {
      const served = await t.http.get(`/images/${rugHash}/${variant}`).expect(200);
      expect(served.headers['content-type']).toBe('image/webp');
      const size = await sharp(served.body as Buffer).metadata();
      expect({ variant, format: size.format, width: size.width, height: size.height }).toEqual({
        variant,
        format: 'webp',
        width,
        height,
      });
    }
  });

  it('stores the same bytes once and lists them once: the same hash again, with a 200', async () => {
    const events = await eventCount(t.events);
    const files = storedFiles(t.dataDir);
    const again = await upload(productId, rug, 'another-name.jpeg');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ hash: rugHash, width: 3000, height: 2000 });
    expect(await eventCount(t.events)).toBe(events);
    expect(storedFiles(t.dataDir)).toEqual(files);
    expect(await productImages(productId)).toEqual(['https://images.example/heriz.jpg', rugHash]);

    // Another product showing the same picture lists it, and the store still holds one copy.
    const shared = await upload(otherProductId, rug);
    expect(shared.status).toBe(201);
    expect(shared.body.hash).toBe(rugHash);
    expect(storedFiles(t.dataDir)).toEqual(files);
    expect(await productImages(otherProductId)).toEqual([
      'https://images.example/heriz.jpg',
      rugHash,
    ]);
  });

  it('keeps both pictures when two are uploaded to one product at the same moment', async () => {
    const [left, right] = await Promise.all([photo(640, 480), photo(480, 640)]);
    const answers = await Promise.all([
      upload(otherProductId, left),
      upload(otherProductId, right),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect((await productImages(otherProductId)).slice(-2).sort()).toEqual(
      [sha256(left), sha256(right)].sort(),
    );
  });

  it('turns a picture upright by its EXIF orientation and never enlarges a small one', async () => {
    const sideways = await photo(600, 400, 6);
    const answer = await upload(otherProductId, sideways).expect(201);
    expect(answer.body).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
    const thumbnail = await t.http.get(`/images/${answer.body.hash}/thumbnail`).expect(200);
    expect(await sharp(thumbnail.body as Buffer).metadata()).toMatchObject({
      width: 213,
      height: 320,
    });
    const medium = await t.http.get(`/images/${answer.body.hash}/medium`).expect(200);
    expect(await sharp(medium.body as Buffer).metadata()).toMatchObject({
      width: 400,
      height: 600,
    });

    const png = await sharp({
      create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const small = await upload(otherProductId, png, 'logo.png').expect(201);
    expect(small.body).toMatchObject({ format: 'png', width: 200, height: 100 });
    const original = await t.http.get(`/images/${small.body.hash}`).expect(200);
    expect(original.headers['content-type']).toBe('image/png');
  });

  it('refuses a file that is not a picture, whatever its name says, with a 415', async () => {
    await expectRefused(
      () => upload(productId, Buffer.from('Dear vendor, please send the rug.\n'), 'photo.jpg'),
      415,
      /not an image/,
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    await expectRefused(() => upload(productId, svg, 'rug.svg'), 415, /svg pictures/);
    await expectRefused(() => upload(productId, Buffer.alloc(0), 'empty.jpg'), 415, /not an image/);
  });

  it('refuses a file over the size limit with a 413, and stores nothing of it', async () => {
    const grainy = await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(grainy.length).toBeGreaterThan(MAX_BYTES);
    await expectRefused(
      () => upload(productId, grainy),
      413,
      /larger than (the limit of )?1,?500,?000/,
    );
  });

  it('refuses a picture of more pixels than it may decode (a decompression bomb) with a 413', async () => {
    const bomb = await pixelBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200);
    await expectRefused(() => upload(productId, bomb, 'bomb.png'), 413, /400 megapixels/);
  });

  it('refuses a damaged picture with a 400 naming the file', async () => {
    const answer = await expectRefused(
      () => upload(productId, rug.subarray(0, Math.floor(rug.length / 2)), 'cut.jpg'),
      400,
      /Validation failed/,
    );
    expect(answer.body.fields).toEqual([
      { field: 'file', errors: [expect.stringMatching(/damaged/)] },
    ]);
  });

  it('refuses an upload for an unknown product with a 404 and stores nothing', async () => {
    const unknown = '0b7f3a62-5d1c-4c8e-9a55-3f1e2d4c6b7a';
    await expectRefused(() => upload(unknown, rug), 404, /product .* does not exist/);
  });

  it('refuses a form without the file, or with it in another field, with a 400', async () => {
    const noFile = await expectRefused(
      () => t.http.post(`/products/${productId}/images`).field('note', 'no picture'),
      400,
      /Validation failed/,
    );
    expect(noFile.body.fields).toEqual([{ field: 'file', errors: ['a file is required'] }]);
    const elsewhere = await expectRefused(
      () => upload(productId, rug, 'rug.jpg', 'picture'),
      400,
      /Validation failed/,
    );
    expect(elsewhere.body.fields).toEqual([
      { field: 'file', errors: ['send the picture in the form field "file"'] },
    ]);
    await expectRefused(
      () => t.http.post(`/products/${productId}/images`).send({ file: rugHash }),
      415,
      /multipart/,
    );
  });

  it('refuses a multipart body it cannot read with a 400, never a 500', async () => {
    const head = (name: string) =>
      `--b\r\nContent-Disposition: form-data; name="${name}"; filename="rug.jpg"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n';
    for (const [label, type, body] of [
      ['no boundary', 'multipart/form-data', Buffer.from('anything')],
      [
        'a form cut off inside the file',
        'multipart/form-data; boundary=b',
        Buffer.concat([Buffer.from(head('file')), rug.subarray(0, 5000)]),
      ],
      [
        'a malformed part header',
        'multipart/form-data; boundary=b',
        Buffer.from('--b\r\nnot a header\r\n\r\nx\r\n--b--\r\n'),
      ],
    ] as const) {
      const answer = await expectRefused(
        () => t.http.post(`/products/${productId}/images`).set('content-type', type).send(body),
        400,
        /Validation failed/,
      );
      expect({ label, fields: answer.body.fields }).toEqual({
        label,
        fields: [{ field: 'file', errors: [expect.any(String)] }],
      });
    }
  });

  it('serves images for a year with a strong ETag, and answers 304 to a matching If-None-Match', async () => {
    for (const [path, etag] of [
      [`/images/${rugHash}`, `"${rugHash}-original"`],
      [`/images/${rugHash}/thumbnail`, `"${rugHash}-thumbnail"`],
    ]) {
      const first = await t.http.get(path).expect(200);
      expect(first.headers.etag).toBe(etag);
      expect(first.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const cached = await t.http.get(path).set('If-None-Match', ifNoneMatch);
        expect({ ifNoneMatch, status: cached.status }).toEqual({ ifNoneMatch, status: 304 });
        expect(cached.headers.etag).toBe(etag);
        expect(cached.text ?? '').toBe('');
      }
      const changed = await t.http.get(path).set('If-None-Match', '"something-else"');
      expect(changed.status).toBe(200);
    }
    const head = await t.http.head(`/images/${rugHash}/medium`).expect(200);
    expect(head.headers['content-type']).toBe('image/webp');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    // Readers of any role see pictures, auditors too.
    const auditor = await t.as('audrey', ['auditor']);
    await auditor.get(`/images/${rugHash}/thumbnail`).expect(200);
  });

  it('answers 404 for an image it does not hold and 400 for an address that is not one', async () => {
    const unknown = 'a'.repeat(64);
    const missing = await t.http.get(`/images/${unknown}`).expect(404);
    expect(missing.headers['cache-control'] ?? '').not.toMatch(/immutable/);
    expect(missing.headers.etag).toBeUndefined();
    await t.http.get(`/images/${unknown}/medium`).expect(404);
    await t.http
      .get(`/images/${unknown}`)
      .set('If-None-Match', `"${unknown}-original"`)
      .expect(404);
    for (const path of [
      '/images/not-a-hash',
      `/images/${'g'.repeat(64)}`,
      `/images/${rugHash}/original`,
      `/images/${rugHash}/huge`,
      `/images/${rugHash}/..%2F..%2Fetc%2Fpasswd`,
    ]) {
      const answer = await t.http.get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.fields).toHaveLength(1);
    }
    // The hash is read in either case.
    await t.http.get(`/images/${rugHash.toUpperCase()}/thumbnail`).expect(200);
  });

  it('keeps the picture in the line of a backorder, whatever the catalog does later', async () => {
    const customer = await t.http.post('/customers').send({ name: 'Ines Farahani' }).expect(201);
    const placed = await t.http
      .post('/backorders')
      .send({ customerId: customer.body.id, lines: [{ productId, quantity: 1 }] })
      .expect(201);
    const backorderId = placed.body.id as string;
    const [event] = await t.events.readStream(streams.backorder(backorderId));
    expect(event.type).toBe('BackorderPlaced');
    const [line] = (event.data as { lines: { product: { images: string[] } }[] }).lines;
    expect(line.product.images).toEqual(['https://images.example/heriz.jpg', rugHash]);

    // The vendor's new photo replaces the old ones in the catalog; the order still shows the old.
    await t.http.patch(`/products/${productId}`).send({ images: [] }).expect(200);
    expect(await t.app.get(ConsumersSettled).wait(10_000)).toBe(true);
    const order = await t.http.get(`/backorders/${backorderId}`).expect(200);
    expect(order.body.lines[0].product.images).toEqual([
      'https://images.example/heriz.jpg',
      rugHash,
    ]);
    await t.http.get(`/images/${rugHash}/thumbnail`).expect(200);
  });
});
