import { connect, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { StartCatalogImport } from '../../src/catalog/imports/catalog-import.commands';
import { catalogImportDecider } from '../../src/catalog/imports/catalog-import.decider';
import {
  ReceivingImports,
  RESTARTED_WHILE_RECEIVING,
} from '../../src/catalog/imports/receiving-imports';
import type { ImportProfile } from '../../src/catalog/imports/import-profile';
import { DeciderExecutor } from '../../src/shared/commands/decider-executor';
import { streams } from '../../src/shared/eventstore/stream-names';
import { probeHealth } from '../support/health-prober';
import { startTestApp, type TestApp } from '../support/test-app';
import { tempDir } from '../support/temp-dir';

/**
 * Sheets and uploads built to hurt the server: they fail on their own, with their reason, while
 * the server keeps answering; none is left `receiving`.
 */
describe('hostile sheets and uploads', () => {
  const dir = tempDir();
  let t: TestApp;
  let vendorId: string;
  let authorization: string;
  let port: number;
  const PROFILE = {
    format: 'csv',
    currency: 'USD',
    columns: { vendorSku: 'SKU', name: 'Name', cost: 'Cost', retailPrice: 'Retail' },
  };

  const importOf = async (importId: string) =>
    (await t.http.get(`/catalog/imports/${importId}`)).body as { status: string; failure?: string };
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return read();
  };

  /** A multipart upload written by hand on a socket, so it can stall or stop mid-file. */
  const rawUpload = (
    importId: string,
    firstBytes: string,
  ): { socket: Socket; answer: Promise<string> } => {
    const boundary = 'stall';
    const head = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="vendorId"',
      '',
      vendorId,
      `--${boundary}`,
      'Content-Disposition: form-data; name="profile"',
      '',
      'plain',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="stall.csv"',
      'Content-Type: text/csv',
      '',
      firstBytes,
    ].join('\r\n');
    const socket = connect(port, '127.0.0.1');
    socket.write(
      [
        'POST /catalog/imports HTTP/1.1',
        'Host: localhost',
        `Authorization: ${authorization}`,
        `X-Import-Id: ${importId}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        'Content-Length: 100000',
        '',
        head,
      ].join('\r\n'),
    );
    let text = '';
    const answer = new Promise<string>((resolve) => {
      // The answer may come while the client still owes body bytes: the socket stays open.
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    return { socket, answer };
  };

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_IDLE_SECONDS: '1' }, dir.path);
    authorization = `Bearer ${await t.tokenFor('staff')}`;
    vendorId = (
      await t.http
        .post('/vendors')
        .send({ name: 'Hostile Sheets', leadTimeDays: 7, consolidation: 'daily' })
        .expect(201)
    ).body.id;
    await t.http.put(`/vendors/${vendorId}/import-profiles/plain`).send(PROFILE).expect(200);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  it('keeps /health answering while a sheet of long cells and an unclosed quote is imported', async () => {
    const cell = 'Kashanmedallion'.repeat(50_000);
    const sheet = Buffer.concat([
      Buffer.from(`SKU,Name,Cost,Retail\n`),
      Buffer.from(
        Array.from({ length: 8 }, (_, i) => `HS-${i},${cell.slice(0, 120_000 + i)},100,200`).join(
          '\n',
        ),
      ),
      Buffer.from(`\nHS-9,"Tabriz${'x'.repeat(3 << 20)}`),
    ]);
    const prober = probeHealth(() => t.anonymous.get('/health'));
    const answer = await t.http
      .post('/catalog/imports')
      .field('vendorId', vendorId)
      .field('profile', 'plain')
      .attach('file', sheet, 'hostile.csv');
    const latencies = await prober.stop();
    expect(answer.status).toBe(400);
    expect(answer.body.fields[0].errors[0]).toMatch(/row 10 is longer than 1 MB/);
    // The whole import took a fraction of the 17 s one 128 KB cell used to freeze it for.
    expect(Math.max(...latencies)).toBeLessThan(3_000);
    const health = (await t.anonymous.get('/health')).body;
    expect(health.eventLoopDelay).toEqual({
      p50Ms: expect.any(Number),
      p99Ms: expect.any(Number),
      maxMs: expect.any(Number),
      windowMs: expect.any(Number),
    });
  }, 60_000);

  it('cuts off an upload that stalls, and fails its import with the reason', async () => {
    const importId = randomUUID();
    const { socket, answer } = rawUpload(importId, 'SKU,Name,Cost,Retail\nHS-1,Kashan,100,200\n');
    const text = await Promise.race([
      answer,
      new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), 10_000)),
    ]);
    socket.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    const failed = await until(
      () => importOf(importId),
      (view) => view.status === 'failed',
    );
    expect(failed).toMatchObject({ status: 'failed', failure: expect.stringMatching(/stalled/) });
  }, 30_000);

  it('fails an import whose upload ends early', async () => {
    const importId = randomUUID();
    const { socket } = rawUpload(importId, 'SKU,Name,Cost,Retail\nHS-1,Kashan,100,200\n');
    await until(
      () => importOf(importId),
      (view) => view.status === 'receiving',
    );
    socket.destroy();
    const failed = await until(
      () => importOf(importId),
      (view) => view.status === 'failed',
    );
    expect(failed).toMatchObject({ status: 'failed', failure: expect.stringMatching(/ended/) });
  }, 30_000);

  it('fails, on the next start, an import a stop cut off while receiving', async () => {
    const importId = randomUUID();
    const context = { actor: 'staff', correlationId: 'c', causationId: 'c' };
    const profile = { name: 'plain', ...PROFILE } as unknown as ImportProfile;
    await t.app
      .get(DeciderExecutor)
      .execute(
        catalogImportDecider,
        streams.catalogImport(importId),
        new StartCatalogImport(importId, vendorId, profile, 'cut.csv', context),
        context,
      );
    t.app.get(ReceivingImports).started(importId);
    expect((await importOf(importId)).status).toBe('receiving');
    await t.app.close();
    t = await startTestApp({ UPLOAD_IDLE_SECONDS: '1' }, dir.path);
    expect(await importOf(importId)).toMatchObject({
      status: 'failed',
      failure: RESTARTED_WHILE_RECEIVING,
    });
  }, 60_000);
});
