import type { JSONType } from '@eventstore/db-client';
import {
  ChainHasher,
  GENESIS_HASH,
  chainBody,
  extraMetadataJson,
  type ChainRow,
  type HexHash,
} from './event-chain';
import type { EventMetadata } from './event-envelope';

/** Where EventStoreDB keeps an event's chain hash: in its metadata, hidden from readers. */
export const CHAIN_HASH_METADATA = 'auditChainHash';

/** The event as EventStoreDB will store it, before its chain hash is added. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JSONType;
  readonly metadata: Record<string, JSONType>;
}

/**
 * The chain on EventStoreDB: the same hash as the embedded store's, computed over the JSON the
 * server will keep (what the client parses back is what was hashed), kept in the metadata.
 */
export class EsdbEventChain {
  private readonly hasher = new ChainHasher();

  /** The events with their chain hashes, following the stream's head (null: a new stream). */
  link(
    stream: string,
    head: { revision: number; hash: HexHash } | null,
    events: readonly ProposedEvent[],
  ): ProposedEvent[] {
    let revision = head?.revision ?? -1;
    let previous = head?.hash ?? GENESIS_HASH;
    return events.map((event) => {
      revision += 1;
      previous = this.hasher.hashBody(stream, revision, bodyOf(event), previous);
      return { ...event, metadata: { ...event.metadata, [CHAIN_HASH_METADATA]: previous } };
    });
  }

  /** A stored event as the verifier reads it. */
  row(
    position: number,
    stream: string,
    revision: number,
    event: { id: string; type: string; data: unknown; metadata: unknown },
  ): ChainRow {
    const { [CHAIN_HASH_METADATA]: hash, ...metadata } = (event.metadata ?? {}) as Record<
      string,
      JSONType
    >;
    const body = bodyOf({ id: event.id, type: event.type, data: event.data as JSONType, metadata });
    return [position, stream, revision, body, typeof hash === 'string' ? hash : null];
  }
}

/** The stored event's metadata as the port shows it: without the chain hash. */
export function withoutChainHash(metadata: unknown): EventMetadata {
  const { [CHAIN_HASH_METADATA]: _hash, ...rest } = (metadata ?? {}) as Record<string, unknown>;
  return rest as unknown as EventMetadata;
}

export function chainHashOf(metadata: unknown): HexHash | null {
  const hash = (metadata as Record<string, unknown> | undefined)?.[CHAIN_HASH_METADATA];
  return typeof hash === 'string' ? hash : null;
}

function bodyOf(event: ProposedEvent): string {
  const m = event.metadata as unknown as EventMetadata;
  return chainBody({
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    actor: m.actor,
    correlationId: m.correlationId,
    causationId: m.causationId,
    occurredAt: m.occurredAt,
    schemaVersion: m.schemaVersion,
    extraMetadata: extraMetadataJson(event.metadata),
  });
}
