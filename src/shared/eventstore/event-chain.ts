import { hash } from 'node:crypto';

/**
 * Tamper evidence for each stream: every event carries a SHA-256 over a canonical encoding of
 * what it says (stream, revision, id, type, data, metadata) and the hash of the event before it in
 * its stream. Changing, removing or moving an event breaks the chain at that event. Both adapters
 * hash the same encoding, so one verifier checks either.
 *
 * The encoding is the stream and the revision, each as its UTF-8 byte length (4 bytes,
 * big-endian) and bytes; then the body: a header `L(id),L(type),L(data),L(actor),
 * L(correlationId),L(causationId),L(occurredAt),schemaVersion,L(extra);` (L: UTF-8 byte length,
 * -1 for no extra metadata) followed by those texts back to back; then the previous hash. The body
 * is plain text on purpose: SQLite can assemble it from the stored bytes in one value, so a
 * verifier reads one string per event instead of nine (see SqliteChainSource).
 */

export const HASH_BYTES = 32;

/** Hashes travel as lowercase hex: a string costs far less than a Buffer per event. */
export type HexHash = string;

/**
 * One stored event as a verifier reads it: where it is, and its chain body as one text assembled
 * from the stored bytes (data is never JSON-decoded); `hash` is the stored chain hash, null (or
 * empty) when the event was written around the store.
 */
export type ChainRow = [
  position: number,
  stream: string,
  revision: number,
  body: string,
  hash: HexHash | null,
];

/** The hash before a stream's first event. */
export const GENESIS_HASH: HexHash = '0'.repeat(2 * HASH_BYTES);

/**
 * An event as its chain sees it: data and extra metadata as the JSON text the store keeps, so a
 * verifier can hash stored bytes without decoding them.
 */
export interface ChainedFields {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** Metadata beyond the standard fields as JSON text, or null when there is none. */
  readonly extraMetadata: string | null;
}

/** The standard metadata fields: everything else is "extra" and encoded as one JSON text. */
export const STANDARD_METADATA_FIELDS: ReadonlySet<string> = new Set([
  'actor',
  'correlationId',
  'causationId',
  'occurredAt',
  'schemaVersion',
]);

/** The SQL that assembles an event's chain body from the embedded store's columns. */
export const SQL_CHAIN_BODY = `printf('%d,%d,%d,%d,%d,%d,%d,%d,%d;', octet_length(event_id),
    octet_length(type), octet_length(data), octet_length(actor), octet_length(correlation_id),
    octet_length(causation_id), octet_length(occurred_at), schema_version,
    coalesce(octet_length(metadata_extra), -1))
  || event_id || type || data || actor || correlation_id || causation_id || occurred_at
  || coalesce(metadata_extra, '')`;

/** The body of an event's encoding, the same text SQL_CHAIN_BODY assembles. */
export function chainBody(event: Omit<ChainedFields, 'stream' | 'revision'>): string {
  const { id, type, data, actor, correlationId, causationId, occurredAt, extraMetadata } = event;
  const length = (text: string) => Buffer.byteLength(text, 'utf8');
  return (
    `${length(id)},${length(type)},${length(data)},${length(actor)},${length(correlationId)},` +
    `${length(causationId)},${length(occurredAt)},${event.schemaVersion},` +
    `${extraMetadata === null ? -1 : length(extraMetadata)};` +
    `${id}${type}${data}${actor}${correlationId}${causationId}${occurredAt}${extraMetadata ?? ''}`
  );
}

/**
 * Encodes events into one growing scratch buffer and hashes them: no allocation but the hash's
 * own, which is what lets a verifier keep up with a raw read of the log.
 */
export class ChainHasher {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  hash(event: ChainedFields, previous: HexHash): HexHash {
    return this.hashBody(event.stream, event.revision, chainBody(event), previous);
  }

  /** SHA-256 of (stream, revision, body, previous hash). */
  hashBody(stream: string, revision: number, body: string, previous: HexHash): HexHash {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const bound = 3 * (stream.length + body.length) + 8 + 24 + HASH_BYTES;
    if (bound > this.buffer.length) this.buffer = Buffer.allocUnsafe(2 * bound);
    const b = this.buffer;
    let at = text(b, 0, stream);
    at = text(b, at, String(revision));
    at += b.write(body, at, 'utf8');
    at += b.write(previous, at, 'hex');
    return hash('sha256', b.subarray(0, at), 'hex');
  }
}

function text(buffer: Buffer, at: number, value: string): number {
  const length = buffer.write(value, at + 4, 'utf8');
  buffer.writeUInt32BE(length, at);
  return at + 4 + length;
}

/** The extra metadata text the SQLite adapter stores: the non-standard keys, in their order. */
export function extraMetadataJson(metadata: Readonly<Record<string, unknown>>): string | null {
  const extra = Object.keys(metadata).filter((key) => !STANDARD_METADATA_FIELDS.has(key));
  if (extra.length === 0) return null;
  return JSON.stringify(Object.fromEntries(extra.map((key) => [key, metadata[key]])));
}
