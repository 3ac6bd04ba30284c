import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * What identifies a multipart request for its Idempotency-Key: its text fields, the file's part
 * (field, name, type) and a sha256 of the file's bytes, hashed as the route streams them. A JSON
 * body is its own fingerprint; a multipart body is not in `request.body` at all.
 */
interface UploadDigest {
  digest: string | undefined;
}

const DIGEST = Symbol('uploadDigest');
type WithDigest = FastifyRequest & { [DIGEST]?: UploadDigest };

/** Starts hashing the upload: every chunk the multipart parser hands the file stream. */
export function fingerprintUpload(
  request: FastifyRequest,
  file: MultipartFile,
  fields: Readonly<Record<string, string>>,
): void {
  const hash = createHash('sha256').update(
    JSON.stringify({
      fields: Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)),
      part: [file.fieldname, file.filename, file.mimetype],
    }),
  );
  const state: UploadDigest = { digest: undefined };
  const stream = file.file as NodeJS.EventEmitter;
  const emit = stream.emit.bind(stream);
  // Hashed as the route reads them: every chunk read leaves the stream as a 'data' event, piped,
  // iterated or read() alike (the parser may have filled the stream before this point).
  stream.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'data' && Buffer.isBuffer(args[0])) hash.update(args[0]);
    else if (event === 'end') state.digest ??= hash.digest('hex');
    return emit(event, ...args);
  };
  (request as WithDigest)[DIGEST] = state;
}

/** The upload's fingerprint once the route has read its file to the end; undefined before. */
export function uploadFingerprint(request: FastifyRequest): string | undefined {
  return (request as WithDigest)[DIGEST]?.digest;
}

/**
 * Reads an upload to its end only to fingerprint it: a retry's file must be compared with the
 * first one before the first answer is given back.
 */
export async function drainedUploadFingerprint(
  request: FastifyRequest,
  read: (request: FastifyRequest) => Promise<{ file: MultipartFile }>,
): Promise<string> {
  const { file } = await read(request);
  await pipeline(file.file, new Writable({ write: (_chunk, _encoding, done) => done() }));
  return uploadFingerprint(request) ?? 'unreadable-upload';
}
