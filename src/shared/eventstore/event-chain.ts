import { hash } from 'node:crypto';

/**
 * Tamper evidence for each stream: every event carries a SHA-256 over a canonical encoding of
 * what it says (stream, revision, id, type, data, metadata) and the hash of the event before it in
 * its stream. Changing, removing or moving an event breaks the chain at that event. Both adapters
 * hash the same encoding, so one verifier checks either.
 */

export const HASH_BYTES = 32;

/** The hash before a stream's first event. */
export const GENESIS_HASH: Buffer = Buffer.alloc(HASH_BYTES);

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

/**
 * Encodes events into one growing scratch buffer and hashes them: one allocation per hash rather
 * than one per field, which is what lets a verifier keep up with a raw read of the log.
 */
export class ChainHasher {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /** SHA-256 of the event's canonical encoding followed by the previous hash of its stream. */
  hash(event: ChainedFields, previous: Buffer): Buffer {
    return this.hashOf(
      event.stream,
      event.revision,
      event.id,
      event.type,
      event.data,
      event.actor,
      event.correlationId,
      event.causationId,
      event.occurredAt,
      event.schemaVersion,
      event.extraMetadata,
      previous,
    );
  }

  /** The same as hash(), from loose fields: a raw row needs no object built around it. */
  hashOf(
    stream: string,
    revision: number,
    id: string,
    type: string,
    data: string,
    actor: string,
    correlationId: string,
    causationId: string,
    occurredAt: string,
    schemaVersion: number,
    extraMetadata: string | null,
    previous: Buffer,
  ): Buffer {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit; each field has a 4-byte length.
    const bound =
      3 *
        (stream.length +
          id.length +
          type.length +
          data.length +
          actor.length +
          correlationId.length +
          causationId.length +
          occurredAt.length +
          (extraMetadata?.length ?? 0)) +
      11 * 4 +
      2 * 24 +
      HASH_BYTES;
    if (bound > this.buffer.length) this.buffer = Buffer.allocUnsafe(2 * bound);
    const b = this.buffer;
    let at = text(b, 0, stream);
    at = text(b, at, String(revision));
    at = text(b, at, id);
    at = text(b, at, type);
    at = text(b, at, data);
    at = text(b, at, actor);
    at = text(b, at, correlationId);
    at = text(b, at, causationId);
    at = text(b, at, occurredAt);
    at = text(b, at, String(schemaVersion));
    // No extra metadata and an empty text are told apart by the length 0xffffffff.
    at = extraMetadata === null ? b.writeUInt32BE(0xffffffff, at) : text(b, at, extraMetadata);
    at += previous.copy(b, at, 0, HASH_BYTES);
    return hash('sha256', b.subarray(0, at), 'buffer');
  }
}

/** A field as its UTF-8 byte length (4 bytes, big-endian) and bytes: no separator is ambiguous. */
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
