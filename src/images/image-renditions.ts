import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { invalidFields } from '../shared/http/invalid-fields';

/**
 * More pixels than any camera or scanner of a rug makes (a 16,000 x 12,500 scan): a small file
 * that claims more is a decompression bomb, refused before it is decoded.
 */
export const MAX_INPUT_PIXELS = 200_000_000;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff' | 'gif';
export type RenditionVariant = 'medium' | 'thumbnail';

/** The sizes made of every picture: the longer side at most `box` pixels, never enlarged. */
export const RENDITIONS: Readonly<Record<RenditionVariant, { box: number; quality: number }>> = {
  medium: { box: 1600, quality: 82 },
  thumbnail: { box: 320, quality: 75 },
};
/** WebP keeps transparency and is a third smaller than JPEG at the same quality. */
export const RENDITION_CONTENT_TYPE = 'image/webp';

const CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  tiff: 'image/tiff',
  gif: 'image/gif',
};

/** An upload written to a private temporary file, with the sha256 of its bytes. */
export interface StagedUpload {
  readonly path: string;
  /** sha256 of the bytes, lower-case hex. */
  readonly hash: string;
  readonly bytes: number;
  remove(): Promise<void>;
}

export interface ImageFacts {
  readonly format: ImageFormat;
  readonly contentType: string;
  /** As shown, after the EXIF orientation is applied. */
  readonly width: number;
  readonly height: number;
}

export interface Rendition {
  readonly data: Buffer;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Streams an upload to a temporary file while hashing it, so that a large picture is never held
 * in memory whole: sharp reads it from the file. More than `maxBytes` is refused with a 413.
 */
export async function stageUpload(source: Readable, maxBytes: number): Promise<StagedUpload> {
  const folder = await mkdtemp(join(tmpdir(), 'backorder-ledger-upload-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  // The multipart parser destroys the file of a form that ends early, maybe before it is read:
  // a pipeline from a stream already closed would wait for ever.
  if (source.destroyed) {
    await remove();
    throw new Error('the form ended before its file did');
  }
  const path = join(folder, 'upload');
  const digest = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(tooLarge(maxBytes));
      digest.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, hash: digest.digest('hex'), bytes, remove };
}

export function tooLarge(maxBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(
    `the image is larger than the limit of ${maxBytes.toLocaleString('en-US')} bytes`,
  );
}

/**
 * What the file is, judged by its content alone (never its name or declared type): one of the
 * accepted formats, or a 415. A picture of more than MAX_INPUT_PIXELS is a 413.
 */
export async function inspectImage(path: string): Promise<ImageFacts> {
  let metadata: sharp.Metadata;
  try {
    // Reading the header decodes no pixels, so the pixel limit is checked below with a clear answer.
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage('its content is not a picture sharp can read');
  }
  const format = acceptedFormat(metadata);
  if (!format) throw notAnImage(`${metadata.format} pictures are not accepted`);
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) throw notAnImage('it has no size');
  if (width * height > MAX_INPUT_PIXELS) {
    throw new PayloadTooLargeException(
      `the picture has ${Math.round((width * height) / 1e6)} megapixels; at most ${MAX_INPUT_PIXELS / 1e6} are accepted`,
    );
  }
  return { format, contentType: CONTENT_TYPES[format], width, height };
}

/** The medium size or the thumbnail, turned upright by its EXIF orientation, as WebP. */
export async function renderVariant(path: string, variant: RenditionVariant): Promise<Rendition> {
  const { box, quality } = RENDITIONS[variant];
  try {
    const { data, info } = await sharp(path, {
      limitInputPixels: MAX_INPUT_PIXELS,
      // A picture cut short is refused rather than shown half grey; minor warnings are tolerated.
      failOn: 'truncated',
    })
      .rotate()
      .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
      .webp({ quality })
      .toBuffer({ resolveWithObject: true });
    return { data, contentType: RENDITION_CONTENT_TYPE, width: info.width, height: info.height };
  } catch (error) {
    throw invalidFields({
      file: `the picture's data is damaged and cannot be shown (${errorText(error)})`,
    });
  }
}

function acceptedFormat(metadata: sharp.Metadata): ImageFormat | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'tiff':
    case 'gif':
      return metadata.format;
    case 'heif':
      // AVIF is HEIF with AV1 inside; HEIC (HEVC inside) is not accepted.
      return metadata.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
}

function notAnImage(why: string): UnsupportedMediaTypeException {
  return new UnsupportedMediaTypeException(
    `not an image: ${why}; send a JPEG, PNG, WebP, AVIF, TIFF or GIF`,
  );
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
}
