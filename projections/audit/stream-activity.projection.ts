import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

/** One document per stream: how many events it holds and what happened last, and by whom. */
export interface StreamActivity {
  readonly [field: string]: unknown;
  readonly id: string;
  /** The stream's prefix before its first dash: `backorder`, `purchase_order`, ... */
  readonly category: string;
  readonly events: number;
  readonly lastRevision: number;
  readonly lastEventType: string;
  readonly lastActor: string;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
}

export const streamActivityProjection = defineProjection({
  name: 'stream_activity',
  version: 1,
  eventTypes: 'all',
  collections: [
    defineCollection<RecordedEvent, StreamActivity>({
      name: 'stream_activity',
      indexes: [{ field: 'category' }, { field: 'lastRecordedAt' }],
      documentIds: (event) => [event.stream],
      evolve: (activity, event) => ({
        id: event.stream,
        category: event.stream.split('-', 1)[0],
        events: (activity?.events ?? 0) + 1,
        lastRevision: event.revision,
        lastEventType: event.type,
        lastActor: event.metadata.actor,
        firstRecordedAt: activity?.firstRecordedAt ?? event.recordedAt,
        lastRecordedAt: event.recordedAt,
      }),
    }),
  ],
});
