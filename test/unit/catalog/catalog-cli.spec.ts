import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  ApiClient,
  ApiError,
  describeFailure,
  ServerUnreachable,
} from '../../../scripts/catalog-cli/api-client';
import { readManifest, readProfileFile } from '../../../scripts/catalog-cli/catalog-manifest';
import {
  applyLaterCommand,
  credentialsFrom,
  DEFAULT_URL,
  parseCliArgs,
} from '../../../scripts/catalog-cli/cli-args';
import type { ImportView } from '../../../scripts/catalog-cli/import-views';
import { LineDisplay } from '../../../scripts/catalog-cli/progress-display';
import {
  applyFrame,
  formatBytes,
  formatDuration,
  percentOf,
  secondsLeft,
  uploadFrame,
} from '../../../scripts/catalog-cli/progress-format';
import {
  invalidRowsTable,
  manifestSummary,
  reviewTable,
} from '../../../scripts/catalog-cli/review-report';
import { generateCatalog } from '../../../scripts/catalog-generator/generate-catalog';
import { runCatalogImport } from '../../../scripts/catalog-import';
import { tempDir } from '../../support/temp-dir';

const ID = '0b5e7c1e-8d2a-4c6f-9a51-3f1d2e4b5a69';

describe('catalog:import arguments', () => {
  it('reads a sheet import', () => {
    expect(
      parseCliArgs(['--vendor', 'Nourison', '--profile=nourison', '--apply', 'sheets/nr.csv']),
    ).toEqual({
      kind: 'sheet',
      url: DEFAULT_URL,
      discontinueMissing: false,
      vendor: 'Nourison',
      profile: 'nourison',
      profileFile: null,
      file: 'sheets/nr.csv',
      apply: true,
    });
    expect(
      parseCliArgs([
        '--vendor=Jaipur Living',
        '--profile-file',
        'p.json',
        '--discontinue-missing',
        '--',
        '--odd-name.csv',
      ]),
    ).toMatchObject({
      kind: 'sheet',
      vendor: 'Jaipur Living',
      profile: null,
      profileFile: 'p.json',
      discontinueMissing: true,
      file: '--odd-name.csv',
      apply: false,
    });
  });

  it('reads a manifest import and an apply of an earlier import', () => {
    expect(parseCliArgs(['--manifest', 'data/catalog/manifest.json', '--apply'])).toEqual({
      kind: 'manifest',
      url: DEFAULT_URL,
      discontinueMissing: false,
      manifest: 'data/catalog/manifest.json',
      apply: true,
    });
    expect(parseCliArgs(['--apply-import', ID.toUpperCase(), '--discontinue-missing'])).toEqual({
      kind: 'apply-import',
      url: DEFAULT_URL,
      discontinueMissing: true,
      importId: ID,
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('takes the server from --url, else BACKORDER_URL, without a trailing slash', () => {
    const env = { BACKORDER_URL: 'https://shop.example/api/' };
    expect(parseCliArgs(['--manifest', 'm.json'], env)).toMatchObject({
      url: 'https://shop.example/api',
    });
    expect(
      parseCliArgs(['--manifest', 'm.json', '--url', 'http://10.0.0.5:8080'], env),
    ).toMatchObject({ url: 'http://10.0.0.5:8080' });
  });

  it.each([
    [['--vendor', 'x', '--profile', 'p'], 'name the sheet to import'],
    [['--profile', 'p', 'a.csv'], '--vendor is required'],
    [['--vendor', 'x', 'a.csv'], '--profile is required'],
    [['--vendor', 'x', '--profile', 'Nourison 2026', 'a.csv'], '--profile must be lower-case'],
    [['--vendor', 'x', '--profile', 'p', 'a.csv', 'b.csv'], 'one sheet at a time'],
    [['--manifest', 'm.json', 'a.csv'], 'give one of'],
    [['--manifest', 'm.json', '--vendor', 'x'], '--manifest does not take --vendor'],
    [['--apply-import', '42'], '--apply-import needs an import id'],
    [['--vendor'], '--vendor needs a value'],
    [['--vendor', '--apply', 'a.csv'], '--vendor needs a value'],
    [['--apply=yes'], '--apply takes no value'],
    [['--force'], 'unknown option --force'],
    [['--manifest', 'm.json', '--url', 'ftp://x'], '--url must be an http(s) address'],
  ])('refuses %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });

  it('prints the command that applies later, as typed', () => {
    expect(applyLaterCommand(ID, { url: DEFAULT_URL, discontinueMissing: false })).toBe(
      `npm run catalog:import -- --apply-import ${ID}`,
    );
    expect(applyLaterCommand(ID, { url: 'http://shop:8080', discontinueMissing: true })).toBe(
      `npm run catalog:import -- --apply-import ${ID} --discontinue-missing --url http://shop:8080`,
    );
  });

  it('takes an API key first, else a username and password, and says which to set', () => {
    expect(credentialsFrom({ BACKORDER_API_KEY: 'k', BACKORDER_USERNAME: 'u' })).toEqual({
      kind: 'api-key',
      key: 'k',
    });
    expect(credentialsFrom({ BACKORDER_USERNAME: 'paul', BACKORDER_PASSWORD: 'pw' })).toEqual({
      kind: 'password',
      username: 'paul',
      password: 'pw',
    });
    expect(() => credentialsFrom({})).toThrow(
      'no credentials: set BACKORDER_API_KEY, or BACKORDER_USERNAME and BACKORDER_PASSWORD',
    );
    expect(() => credentialsFrom({ BACKORDER_USERNAME: 'paul' })).toThrow(
      'BACKORDER_PASSWORD is not set',
    );
  });
});

describe('catalog:import progress', () => {
  it('formats sizes, durations, shares and time left', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(12.3 * 1024)).toBe('12.3 KB');
    expect(formatBytes(45.25 * 1024 * 1024)).toBe('45.3 MB');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.20 GB');
    expect(formatDuration(null)).toBe('--');
    expect(formatDuration(Infinity)).toBe('--');
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(3720)).toBe('1h 02m');
    expect(percentOf(37, 100)).toBe(37);
    expect(percentOf(120, 100)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
    expect(secondsLeft(0, 100, 5)).toBeNull();
    expect(secondsLeft(25, 100, 5)).toBe(15);
  });

  it('describes an upload and an apply as one line each', () => {
    const upload = uploadFrame({
      fileName: 'nourison.csv',
      bytesReceived: 40 * 1024 * 1024,
      fileBytes: 100 * 1024 * 1024,
      rowsRead: 150_000,
      rowsPerSecond: 12_345,
      elapsedSeconds: 4,
    });
    expect(upload.line).toBe(
      'nourison.csv: 40.0 MB of 100.0 MB (40%), 150,000 rows read, 12,345 rows/s, ETA 6s',
    );
    expect(upload).toMatchObject({ value: 40 * 1024 * 1024, total: 100 * 1024 * 1024 });
    expect(upload.fields).toMatchObject({ rows: '150,000', rate: '12,345', timeLeft: '6s' });
    expect(
      applyFrame({ applied: 1000, toApply: 4000, perSecond: 500, elapsedSeconds: 2 }).line,
    ).toBe('applying: 1,000 of 4,000 changes (25%), 500/s, ETA 6s');
  });

  it('prints one line every 2 s when the output is not a terminal, and the last one', () => {
    const lines: string[] = [];
    let now = 0;
    const display = new LineDisplay({ write: (text: string) => lines.push(text) }, () => now);
    const frame = (n: number) => ({ value: n, total: 10, fields: {}, line: `at ${n}` });
    for (let n = 0; n <= 9; n++, now += 500) display.show(frame(n));
    display.finish(frame(10));
    expect(lines).toEqual(['at 0\n', 'at 4\n', 'at 8\n', 'at 10\n']);
    // A last frame the last line already showed is not printed twice.
    const quiet: string[] = [];
    const again = new LineDisplay({ write: (text: string) => quiet.push(text) }, () => 0);
    again.show(frame(10));
    again.finish(frame(10));
    expect(quiet).toEqual(['at 10\n']);
  });

  it('shows the review as a table and the first invalid rows', () => {
    const review = {
      rows: 41_234,
      valid: 41_000,
      invalid: 234,
      new: 40_000,
      costChanged: 700,
      priceChanged: 650,
      detailsChanged: 12,
      unchanged: 300,
      missing: 5,
    };
    expect(reviewTable(review)).toBe(
      [
        'Review of 41,234 rows (41,000 valid):',
        '  New products        40,000',
        '  Cost changes           700',
        '  Price changes          650',
        '  Detail changes          12',
        '  Unchanged              300',
        '  Missing from sheet       5',
        '  Invalid rows           234',
      ].join('\n'),
    );
    expect(
      invalidRowsTable(
        [
          { rowNumber: 17, vendorSku: null, reason: 'no vendor SKU' },
          { rowNumber: 2045, vendorSku: 'NR-KAS001-0508-IVNV', reason: 'cost must be positive' },
        ],
        234,
      ),
    ).toBe(
      [
        'First 2 of 234 invalid rows:',
        '   Row  SKU                  Reason',
        '    17  -                    no vendor SKU',
        '  2045  NR-KAS001-0508-IVNV  cost must be positive',
      ].join('\n'),
    );
    expect(
      manifestSummary([
        { vendor: 'Nourison', sheet: 'n.csv', importId: ID, review, status: 'applied' },
        { vendor: 'Surya', sheet: 's.jsonl', importId: null, review: null, status: 'failed' },
      ]),
    ).toBe(
      [
        '  Vendor      Rows     New  Changed  Invalid  Missing  Status',
        '  Nourison  41,234  40,000      700      234        5  applied',
        '  Surya          -       -        -        -        -  failed',
      ].join('\n'),
    );
  });
});

describe('catalog:import files', () => {
  const dir = tempDir('catalog-cli-');
  afterAll(() => dir.remove());

  it('reads a generated manifest, its paths relative to the manifest, and its profiles', async () => {
    const out = join(dir.path, 'catalog');
    await generateCatalog({ vendors: 2, products: 200, seed: 1, badRows: 0, outDir: out });
    const sheets = await readManifest(join(out, 'manifest.json'));
    expect(sheets.map((s) => [s.vendorName, s.sheetPath, s.profilePath, s.rows])).toEqual([
      [
        'Nourison',
        join(out, 'nourison.csv'),
        join(out, 'profiles/nourison.json'),
        expect.any(Number),
      ],
      ['Surya', join(out, 'surya.jsonl'), join(out, 'profiles/surya.json'), expect.any(Number)],
    ]);
    const profile = await readProfileFile(sheets[0].profilePath, null);
    expect(profile).toMatchObject({ name: 'nourison', format: 'csv', currency: 'USD' });
    expect(await readProfileFile(sheets[0].profilePath, 'nourison-2026')).toMatchObject({
      name: 'nourison-2026',
    });
  });

  it('says what is wrong with a manifest before sending anything', async () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir.path, name), text);
      return join(dir.path, name);
    };
    await expect(readManifest(write('a.json', '{ "vendors": ['))).rejects.toThrow('is not JSON');
    await expect(readManifest(write('b.json', '{ "vendors": [] }'))).rejects.toThrow(
      'one or more vendors',
    );
    await expect(
      readManifest(write('c.json', '{ "vendors": [{ "name": "X", "sheet": "x.csv" }] }')),
    ).rejects.toThrow('"profile" must be a non-empty string');
    await expect(
      readManifest(
        write('d.json', '{ "vendors": [{ "name": "X", "sheet": "x.csv", "profile": "x.json" }] }'),
      ),
    ).rejects.toThrow(`names files that are not there:\n  ${join(dir.path, 'x.csv')}`);
    await expect(readManifest(join(dir.path, 'none.json'))).rejects.toThrow('cannot read manifest');
    await expect(readProfileFile(write('p.json', '{ "format": "csv" }'), null)).rejects.toThrow(
      'give one with --profile',
    );
  });
});

describe('catalog:import failures', () => {
  it('prints a refusal as its message and fields', () => {
    const error = new ApiError('PUT', '/vendors/v/import-profiles/p', 400, {
      message: 'Validation failed',
      fields: [
        { field: 'columns.cost', errors: ['must name a column'] },
        { field: 'currency', errors: ['must be an ISO 4217 code', 'is required'] },
      ],
    });
    expect(describeFailure(error)).toBe(
      [
        'PUT /vendors/v/import-profiles/p: 400 Validation failed',
        '  columns.cost: must name a column',
        '  currency: must be an ISO 4217 code; is required',
      ].join('\n'),
    );
    expect(describeFailure(new ApiError('GET', '/vendors', 401, { message: 'Unauthorized' }))).toBe(
      'GET /vendors: the server refused the credentials (401 Unauthorized): set BACKORDER_API_KEY, or BACKORDER_USERNAME and BACKORDER_PASSWORD.',
    );
    expect(describeFailure(new ServerUnreachable('http://localhost:3000', 'ECONNREFUSED'))).toBe(
      'cannot reach the server at http://localhost:3000 (ECONNREFUSED): is the server running? Point to it with --url or BACKORDER_URL.',
    );
  });

  it('signs in with a password once and sends the token', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetchStub = (url: string, init?: RequestInit) => {
      calls.push({ url, headers: init?.headers as Record<string, string> });
      const body = url.endsWith('/auth/login')
        ? { accessToken: 'tok', passwordChangeRequired: false }
        : { items: [], nextCursor: null };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    };
    const client = new ApiClient(
      'http://shop',
      { kind: 'password', username: 'paul', password: 'pw' },
      fetchStub,
    );
    await client.get('/vendors?limit=200');
    await client.get('/vendors?limit=200');
    expect(calls.map((c) => c.url)).toEqual([
      'http://shop/auth/login',
      'http://shop/vendors?limit=200',
      'http://shop/vendors?limit=200',
    ]);
    expect(calls[1].headers.authorization).toBe('Bearer tok');
  });
});

/**
 * A stand-in for the server's side of the import contract, over real HTTP: enough to drive the
 * CLI end to end (vendors, profiles, a streamed multipart upload, review, apply).
 */
class FakeShop {
  readonly vendors: { id: string; name: string; leadTimeDays: number }[] = [];
  readonly profiles = new Map<string, Record<string, unknown>>();
  readonly imports = new Map<string, ImportView & { applyPolls: number }>();
  readonly uploads: { fields: string[]; bytes: number }[] = [];
  refuseProfiles = false;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private async json(req: IncomingMessage): Promise<Record<string, unknown>> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (req.headers['x-api-key'] !== 'test-key') {
      return this.send(res, 401, { statusCode: 401, message: 'Unauthorized' });
    }
    if (req.method === 'GET' && path === '/vendors') {
      if (Number(url.searchParams.get('limit')) > 200) {
        return this.send(res, 400, { message: 'Validation failed' });
      }
      return this.send(res, 200, { items: this.vendors, nextCursor: null });
    }
    if (req.method === 'POST' && path === '/vendors') {
      const body = await this.json(req);
      const vendor = {
        id: randomUUID(),
        name: String(body.name),
        leadTimeDays: Number(body.leadTimeDays),
      };
      this.vendors.push(vendor);
      return this.send(res, 201, { id: vendor.id });
    }
    let match = /^\/vendors\/([^/]+)\/import-profiles(?:\/([^/]+))?$/.exec(path);
    if (match && req.method === 'PUT') {
      const body = await this.json(req);
      if (this.refuseProfiles) {
        return this.send(res, 400, {
          message: 'Validation failed',
          fields: [{ field: 'columns.cost', errors: ['must name a column'] }],
        });
      }
      this.profiles.set(`${match[1]}/${match[2]}`, body);
      return this.send(res, 200, { vendorId: match[1], name: match[2] });
    }
    if (match && req.method === 'GET') {
      const items = [...this.profiles.entries()]
        .filter(([key]) => key.startsWith(`${match![1]}/`))
        .map(([key, profile]) => ({ ...profile, name: key.split('/')[1] }));
      return this.send(res, 200, { items });
    }
    if (req.method === 'POST' && path === '/catalog/imports') return this.receive(req, res);
    match = /^\/catalog\/imports\/([^/]+)(\/changes|\/apply)?$/.exec(path);
    const view = match ? this.imports.get(match[1]) : undefined;
    if (!match || !view) return this.send(res, 404, { message: 'Not Found' });
    if (match[2] === '/changes') {
      return this.send(res, 200, {
        items: [{ rowNumber: 7, vendorSku: null, reason: 'no vendor SKU' }],
        nextCursor: null,
      });
    }
    if (match[2] === '/apply') {
      const body = await this.json(req);
      const toApply = view.review!.new + (body.discontinueMissing ? view.review!.missing : 0);
      Object.assign(view, {
        status: 'applying',
        progress: { ...view.progress!, applied: 0, toApply, rowsPerSecond: 100 },
      });
      return this.send(res, 202, { id: view.id, status: 'applying' });
    }
    if (view.status === 'applying' && ++view.applyPolls >= 3) {
      Object.assign(view, {
        status: 'applied',
        progress: { ...view.progress!, applied: view.progress!.toApply },
      });
    }
    const { applyPolls: _polls, ...shown } = view;
    return this.send(res, 200, shown);
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = String(req.headers['x-import-id']);
    const progress = { bytesReceived: 0, rowsRead: 0, rowsPerSecond: 0, applied: 0, toApply: 0 };
    const view: ImportView & { applyPolls: number } = {
      id,
      vendorId: '',
      profile: '',
      fileName: '',
      status: 'receiving',
      failure: null,
      progress,
      review: null,
      applyPolls: 0,
    };
    this.imports.set(id, view);
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
      progress.bytesReceived += (chunk as Buffer).length;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const fields = [...body.matchAll(/; name="([^"]+)"/g)].map((m) => m[1]);
    this.uploads.push({ fields, bytes: body.length });
    const value = (name: string) =>
      new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(body)?.[1] ?? '';
    const rows = body.split('\n').length - 3;
    Object.assign(view, {
      vendorId: value('vendorId'),
      profile: value('profile'),
      fileName: /filename="([^"]+)"/.exec(body)?.[1] ?? '',
      status: 'reviewed',
      review: {
        rows,
        valid: rows - 1,
        invalid: 1,
        new: rows - 1,
        costChanged: 0,
        priceChanged: 0,
        detailsChanged: 0,
        unchanged: 0,
        missing: 2,
      },
    });
    progress.rowsRead = rows;
    const { applyPolls: _polls, ...shown } = view;
    this.send(res, 201, shown);
  }
}

describe('catalog:import against a stand-in server', () => {
  const dir = tempDir('catalog-cli-');
  const shop = new FakeShop();
  let manifest: string;

  beforeAll(async () => {
    await shop.start();
    await generateCatalog({
      vendors: 2,
      products: 400,
      seed: 5,
      badRows: 0,
      outDir: join(dir.path, 'catalog'),
    });
    manifest = join(dir.path, 'catalog', 'manifest.json');
  });

  afterAll(async () => {
    await shop.stop();
    dir.remove();
  });

  const run = async (
    args: string[],
    env: Record<string, string> = { BACKORDER_API_KEY: 'test-key' },
  ) => {
    let out = '';
    let err = '';
    const code = await runCatalogImport([...args, '--url', shop.url], {
      out: { write: (text: string) => (out += text) },
      err: { write: (text: string) => (err += text) },
      env,
      importer: { pollMs: 5 },
    });
    return { code, out, err };
  };

  it('imports a whole manifest: registers the vendors, saves their profiles, uploads, applies', async () => {
    const { code, out, err } = await run(['--manifest', manifest, '--apply']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(shop.vendors.map((v) => [v.name, v.leadTimeDays])).toEqual([
      ['Nourison', 21],
      ['Surya', 21],
    ]);
    const [nourison, surya] = shop.vendors;
    expect(shop.profiles.get(`${nourison.id}/nourison`)).toMatchObject({ format: 'csv' });
    expect(shop.profiles.get(`${nourison.id}/nourison`)).not.toHaveProperty('name');
    expect(shop.profiles.get(`${surya.id}/surya`)).toMatchObject({ format: 'jsonl' });
    // The text fields go before the file, as the server reads them.
    expect(shop.uploads.map((u) => u.fields)).toEqual([
      ['vendorId', 'profile', 'file'],
      ['vendorId', 'profile', 'file'],
    ]);
    expect(out).toContain('Registered vendor Nourison');
    expect(out).toMatch(/nourison\.csv: [\d.]+ KB of [\d.]+ KB \(100%\)/);
    expect(out).toContain('Missing from sheet');
    expect(out).toContain('Invalid rows:\n  Row  SKU  Reason\n    7  -    no vendor SKU');
    expect(out).toMatch(/applying: [\d,]+ of [\d,]+ changes \(100%\)/);
    expect(out).toMatch(/Nourison +[\d,]+ +[\d,]+ +0 +1 +2 +applied/);
    expect([...shop.imports.values()].map((i) => i.status)).toEqual(['applied', 'applied']);
  });

  it('imports one sheet, prints how to apply it later, and applies it with --apply-import', async () => {
    const sheet = join(dir.path, 'catalog', 'nourison.csv');
    const first = await run(['--vendor', 'nourison', '--profile', 'nourison', sheet]);
    expect(first.code).toBe(0);
    const command = /npm run catalog:import -- --apply-import (\S+) --url (\S+)/.exec(first.out);
    expect(command?.[2]).toBe(shop.url);
    expect(shop.imports.get(command![1])?.status).toBe('reviewed');
    const second = await run(['--apply-import', command![1], '--discontinue-missing']);
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(second.out).toContain(`Applied import ${command![1]}`);
    expect(shop.imports.get(command![1])?.progress?.toApply).toBe(
      shop.imports.get(command![1])!.review!.new + 2,
    );
  });

  it('says which profiles a vendor has when the one named is not saved', async () => {
    const sheet = join(dir.path, 'catalog', 'nourison.csv');
    const { code, err } = await run(['--vendor', 'Nourison', '--profile', 'other', sheet]);
    expect(code).toBe(1);
    expect(err).toContain('the vendor has no import profile named other (it has nourison)');
  });

  it('names an unknown vendor and the near ones', async () => {
    const sheet = join(dir.path, 'catalog', 'nourison.csv');
    const { code, err } = await run(['--vendor', 'Nouri', '--profile', 'nourison', sheet]);
    expect(code).toBe(1);
    expect(err).toContain('no vendor is named Nouri; did you mean Nourison?');
  });

  it('prints a refusal with its fields and exits 1', async () => {
    shop.refuseProfiles = true;
    try {
      const profile = join(dir.path, 'catalog', 'profiles', 'nourison.json');
      const sheet = join(dir.path, 'catalog', 'nourison.csv');
      const { code, err } = await run(['--vendor', 'Nourison', '--profile-file', profile, sheet]);
      expect(code).toBe(1);
      expect(err).toContain('400 Validation failed\n  columns.cost: must name a column');
    } finally {
      shop.refuseProfiles = false;
    }
  });

  it('says which variables to set when the server refuses the credentials', async () => {
    const { code, err } = await run(['--manifest', manifest], { BACKORDER_API_KEY: 'wrong' });
    expect(code).toBe(1);
    expect(err).toContain('refused the credentials (401');
    expect(err).toContain('set BACKORDER_API_KEY, or BACKORDER_USERNAME and BACKORDER_PASSWORD');
  });

  it('says when the server cannot be reached', async () => {
    // A port that was just free.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    let err = '';
    const url = `http://127.0.0.1:${port}`;
    const code = await runCatalogImport(['--manifest', manifest, '--url', url], {
      out: { write: () => true },
      err: { write: (text: string) => (err += text) },
      env: { BACKORDER_API_KEY: 'test-key' },
    });
    expect(code).toBe(1);
    expect(err).toContain(`cannot reach the server at ${url} (ECONNREFUSED)`);
  });
});
