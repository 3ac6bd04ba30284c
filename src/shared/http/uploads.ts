import multipart, { type MultipartFile } from '@fastify/multipart';
import {
  HttpException,
  PayloadTooLargeException,
  RequestTimeoutException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidFields } from './invalid-fields';
import { fingerprintUpload } from './upload-fingerprint';

const UPLOAD_ROUTE = 'acceptsUploads';
const IDLE_SECONDS = 'uploadIdleSeconds';
const DEFAULT_IDLE_SECONDS = 60;

/**
 * Marks a route that takes a file as multipart/form-data. Every other route keeps answering 415
 * to multipart bodies, as it does to any body that is not JSON.
 */
export const AcceptsUploads = (): MethodDecorator => RouteConfig({ [UPLOAD_ROUTE]: true });

/**
 * Registers the multipart parser for the whole app and refuses multipart bodies on the routes
 * not marked with @AcceptsUploads before anything reads them. Parts are streamed, never buffered:
 * a route reads its file with `uploadedFile` and decides its own size limit.
 */
export async function registerUploads(
  fastify: FastifyInstance,
  idleSeconds = DEFAULT_IDLE_SECONDS,
): Promise<void> {
  fastify.decorate(IDLE_SECONDS, idleSeconds);
  await fastify.register(multipart, {
    // One file and a few small text fields; a bigger form is not one of ours.
    limits: { files: 1, fields: 16, fieldSize: 64 * 1024, parts: 17, headerPairs: 100 },
  });
  fastify.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'] ?? '';
    if (!/^multipart\//i.test(type)) return;
    const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
    if (config?.[UPLOAD_ROUTE] !== true) {
      throw new UnsupportedMediaTypeException(`Unsupported Media Type: ${type.split(';')[0]}`);
    }
  });
}

/**
 * The one file of a multipart upload, as a stream, with the text fields sent before it. Reading
 * past `maxBytes` fails the stream with a 413 (PayloadTooLargeException). Fields must come before the file in the form.
 */
export async function uploadedFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ file: MultipartFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeException('the file must be sent as multipart/form-data');
  }
  let file: MultipartFile | undefined;
  try {
    file = await request.file({ limits: { fileSize: maxBytes } });
  } catch (error) {
    // A malformed form (no boundary, cut off, a bad part header) is the client's: a 400.
    throw uploadReadError(error, 'the multipart form');
  }
  if (!file) throw invalidFields({ file: 'a file is required' });
  // Busboy only ends a file cut at the limit; failing the stream tells its reader at once.
  file.file.on('limit', () =>
    file.file.destroy(new PayloadTooLargeException(`the file is larger than ${maxBytes} bytes`)),
  );
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(file.fields)) {
    const part = Array.isArray(value) ? value[0] : value;
    if (part && part.type === 'field' && typeof part.value === 'string') fields[name] = part.value;
  }
  fingerprintUpload(request, file, fields);
  watchForStalls(request, file);
  return { file, fields };
}

/**
 * An upload that stops sending (no byte for the configured idle time) or whose connection closes
 * before the file ended fails its file stream with the reason, so its reader stops and says why.
 */
function watchForStalls(request: FastifyRequest, file: MultipartFile): void {
  const idleSeconds = (request.server as unknown as Record<string, number>)[IDLE_SECONDS];
  const raw = request.raw;
  const stop = (error: Error) => {
    clearTimeout(idle);
    if (!file.file.destroyed) file.file.destroy(error);
  };
  const idle = setTimeout(() => {
    // A full buffer means the server's reader is behind (a sheet still being parsed, its
    // thread starting): the client is not the one stalling.
    if (file.file.readableLength >= file.file.readableHighWaterMark) return void idle.refresh();
    stop(new RequestTimeoutException(`the upload stalled: no data for ${idleSeconds} s`));
  }, idleSeconds * 1000);
  // The request is already flowing into the multipart parser: listening only watches it.
  raw.on('data', () => idle.refresh());
  raw.once('end', () => clearTimeout(idle));
  raw.socket.once('close', () => {
    if (!raw.complete) stop(new Error('the upload ended before the file did'));
    clearTimeout(idle);
  });
}

/**
 * An error met while reading an upload, as the client should get it: one that names its status
 * (an HTTP error, the 413 at the size limit) or comes from this machine (a system call: the
 * disk) stays as it is; any other is a malformed or broken-off form, a 400 on `file`.
 */
export function uploadReadError(error: unknown, what: string): unknown {
  if (error instanceof HttpException) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  if ((error as NodeJS.ErrnoException | null)?.syscall !== undefined) return error;
  const message = error instanceof Error ? error.message : String(error);
  return invalidFields({ file: `${what} could not be read: ${message}` });
}
