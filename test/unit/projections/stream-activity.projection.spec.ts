import { streamActivityProjection } from '../../../projections/audit/stream-activity.projection';
import { eventLog, projectionHarness } from '../../support/projection-harness';

describe('stream activity projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(streamActivityProjection)));
  afterEach(() => harness.close());

  const event = eventLog();
  const events = [
    event('vendor-v1', 'VendorRegistered', {}, { actor: 'ann' }),
    event('backorder-b1', 'BackorderPlaced', {}, { actor: 'bob' }),
    event('vendor-v1', 'VendorTermsChanged', {}, { actor: 'cy' }),
  ];

  it('counts each stream and keeps what happened last and by whom', async () => {
    await harness.apply(events);
    expect(await harness.document('stream_activity', 'vendor-v1')).toEqual({
      id: 'vendor-v1',
      category: 'vendor',
      events: 2,
      lastRevision: 1,
      lastEventType: 'VendorTermsChanged',
      lastActor: 'cy',
      firstRecordedAt: events[0].recordedAt,
      lastRecordedAt: events[2].recordedAt,
    });
    expect(await harness.document('stream_activity', 'backorder-b1')).toMatchObject({
      category: 'backorder',
      events: 1,
    });
  });

  it('does not count an event twice when it is delivered again', async () => {
    await harness.apply(events.slice(0, 2));
    await harness.apply(events.slice(1));
    expect(await harness.document('stream_activity', 'vendor-v1')).toMatchObject({ events: 2 });
    expect(await harness.document('stream_activity', 'backorder-b1')).toMatchObject({ events: 1 });
  });
});
