import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A form of text fields, then one file read from disk as the request goes out. */
export interface UploadForm {
  /** In the order sent: the server reads the fields before the file. */
  readonly fields: readonly (readonly [string, string])[];
  readonly file: {
    readonly field: string;
    readonly path: string;
    /** The name the server is told. */
    readonly name: string;
    readonly size: number;
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.jsonl': 'application/jsonl',
  '.ndjson': 'application/jsonl',
};

/** A header parameter value that survives any multipart parser: printable ASCII, no quotes. */
function quotable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '%22');
}

/** The bytes around the file: fields and the file part's header before it, the end after it. */
export function multipartFrame(form: UploadForm, boundary: string): { head: Buffer; tail: Buffer } {
  const fields = form.fields
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${quotable(name)}"\r\n\r\n${value}\r\n`,
    )
    .join('');
  const type = CONTENT_TYPES[extname(form.file.name).toLowerCase()] ?? 'application/octet-stream';
  const filePart =
    `--${boundary}\r\nContent-Disposition: form-data; name="${quotable(form.file.field)}"; ` +
    `filename="${quotable(form.file.name)}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    head: Buffer.from(fields + filePart, 'utf8'),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  };
}

/**
 * POSTs a multipart form over node:http(s), the file piped from disk with backpressure. Node 20's
 * fetch would keep every byte of a request body in memory until the upload ends, whether given a
 * FormData of `fs.openAsBlob` or a stream (nodejs/undici#4058); a sheet may be a gigabyte.
 * Answers a Response like fetch's; a server that answers before the upload ends (a refusal)
 * stops the upload.
 */
export async function postMultipart(
  url: string,
  form: UploadForm,
  headers: Readonly<Record<string, string>>,
): Promise<Response> {
  const boundary = `----backorder-ledger-${randomBytes(12).toString('hex')}`;
  const { head, tail } = multipartFrame(form, boundary);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const request = send(target, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + form.file.size + tail.length),
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.on('error', reject);
  });
  async function* body() {
    yield head;
    yield* createReadStream(form.file.path, { highWaterMark: 256 * 1024 });
    yield tail;
  }
  // The answer decides the outcome; a write error after an early answer is that answer's doing.
  const sending = pipeline(Readable.from(body(), { objectMode: false }), request).catch(
    () => undefined,
  );
  const response = await answered;
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  request.destroy();
  await sending;
  const status = response.statusCode ?? 500;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string') responseHeaders.set(name, value);
    else if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
  }
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : Buffer.concat(chunks), {
    status,
    headers: responseHeaders,
  });
}
