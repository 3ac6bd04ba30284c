import type { Readable } from 'node:stream';

export const IMAGE_STORE = Symbol('ImageStore');

/** The picture as uploaded, and the two sizes made from it for screens and lists. */
export const IMAGE_VARIANTS = ['original', 'medium', 'thumbnail'] as const;
export type ImageVariant = (typeof IMAGE_VARIANTS)[number];

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What an image is stored under: the sha256 of the original's bytes, in lower-case hex. */
export function isImageHash(value: string): boolean {
  return SHA256_HEX.test(value);
}

export interface StoredImage {
  readonly bytes: number;
  /** `image/jpeg`, `image/webp`, ... */
  readonly contentType: string;
}

export interface OpenedImage extends StoredImage {
  /** The bytes; the caller must consume or destroy it. */
  readonly stream: Readable;
}

/**
 * Content-addressed picture storage: one immutable entry per (hash, variant). An entry is either
 * there whole or not at all: a write that fails or is cut short by a crash never leaves a partial
 * image under its key. Writing a key that is already there changes nothing.
 */
export interface ImageStore {
  /** Stores the content under the key unless it is already there; true when this call wrote it. */
  put(
    hash: string,
    variant: ImageVariant,
    content: Buffer | Readable,
    contentType: string,
  ): Promise<boolean>;
  has(hash: string, variant: ImageVariant): Promise<boolean>;
  /** The entry for reading, or null when there is none. */
  open(hash: string, variant: ImageVariant): Promise<OpenedImage | null>;
  close(): Promise<void>;
}

/** Refuses a key that is not one: it becomes a file path or a database key in the adapters. */
export function assertImageKey(hash: string, variant: ImageVariant): void {
  if (!isImageHash(hash)) throw new Error(`not an image hash: ${JSON.stringify(hash)}`);
  if (!IMAGE_VARIANTS.includes(variant)) {
    throw new Error(`not an image variant: ${JSON.stringify(variant)}`);
  }
}
