import { join } from 'node:path';
import { eventVersions } from '../../../src/all-event-versions';
import type { BackorderLineSubstitutionAccepted } from '../../../src/backorders/backorder.events';
import type { NewEvent, RecordedEvent } from '../../../src/shared/eventstore/event-envelope';
import { EventVersions } from '../../../src/shared/eventstore/event-versions';
import { SqliteEventStore } from '../../../src/shared/eventstore/sqlite-event-store';
import { UpcastingEventStore } from '../../../src/shared/eventstore/upcasting-event-store';
import { streams } from '../../../src/shared/eventstore/stream-names';
import { tempDir } from '../../support/temp-dir';
import storedV1 from '../../fixtures/events/backorder-line-substitution-accepted.v1.json';

type Accepted = RecordedEvent & BackorderLineSubstitutionAccepted;

/**
 * An accepted substitution recorded before version 2 kept the staff member's reason: stored as it
 * was then, it reads in the current shape on every read path (the reason as null).
 */
describe('BackorderLineSubstitutionAccepted version 1, as stored', () => {
  let dir: ReturnType<typeof tempDir>;
  let raw: SqliteEventStore;
  let store: UpcastingEventStore;
  const stream = streams.backorder(storedV1.data.backorderId);

  beforeEach(async () => {
    dir = tempDir();
    raw = new SqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    store = new UpcastingEventStore(raw, eventVersions);
    await raw.append(stream, [storedV1 as NewEvent], 'any');
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const expectCurrent = (event: RecordedEvent) => {
    const accepted = event as Accepted;
    expect(accepted.metadata.schemaVersion).toBe(2);
    expect(accepted.data).toEqual({ ...storedV1.data, reason: null });
  };

  it('is written at version 2 today', () => {
    expect(eventVersions.currentOf('BackorderLineSubstitutionAccepted')).toBe(2);
    expect(eventVersions.currentOf('BackorderPlaced')).toBe(1);
  });

  it('stays version 1 in the log: nothing is rewritten', async () => {
    const [stored] = await raw.readStream(stream);
    expect(stored.metadata.schemaVersion).toBe(1);
    expect(stored.data).toEqual(storedV1.data);
  });

  it('reads as version 2 from its stream (the command side loads this way)', async () => {
    const [event] = await store.readStream(stream);
    expectCurrent(event);
  });

  it('reads as version 2 from the whole log (checkers and rebuilds)', async () => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    expect(events).toHaveLength(1);
    expectCurrent(events[0]);
  });

  it('reads as version 2 from a subscription (projections and workflows)', async () => {
    const subscription = store.subscribeToAll();
    for await (const batch of subscription) {
      expectCurrent(batch[0]);
      break;
    }
    await subscription.close();
  });
});

describe('event versions', () => {
  it('refuses a version with a gap in its upcasters', () => {
    expect(
      () => new EventVersions([{ type: 'Something', current: 3, upcasters: { 1: (d) => d } }]),
    ).toThrow('Something has no upcaster from version 2');
  });

  it('leaves an event of the current version as it is', () => {
    const event = { ...storedV1, metadata: { ...storedV1.metadata, schemaVersion: 2 } };
    expect(eventVersions.upcast(event as unknown as RecordedEvent)).toBe(event);
  });
});
