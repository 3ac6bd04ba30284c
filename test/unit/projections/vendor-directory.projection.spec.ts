import { vendorDirectoryProjection } from '../../../projections/vendors/vendor-directory.projection';
import { eventLog, projectionHarness } from '../../support/projection-harness';

describe('vendor directory projection', () => {
  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => (harness = await projectionHarness(vendorDirectoryProjection)));
  afterEach(() => harness.close());

  const event = eventLog();
  const registered = event('vendor-v1', 'VendorRegistered', {
    vendorId: 'v1',
    name: 'Nourison Rugs',
    leadTimeDays: 21,
    consolidation: 'daily',
    email: null,
    phone: '+1 201 555 0100',
  });
  const changed = event('vendor-v1', 'VendorTermsChanged', {
    vendorId: 'v1',
    leadTimeDays: 28,
    consolidation: 'weekly',
    previous: { leadTimeDays: 21, consolidation: 'daily' },
  });

  it('lists a registered vendor, then its changed terms', async () => {
    await harness.apply([registered, changed]);
    expect(await harness.document('vendors', 'v1')).toEqual({
      id: 'v1',
      name: 'Nourison Rugs',
      sortName: 'nourison rugs',
      leadTimeDays: 28,
      consolidation: 'weekly',
      email: null,
      phone: '+1 201 555 0100',
      registeredAt: registered.metadata.occurredAt,
      updatedAt: changed.metadata.occurredAt,
    });
  });

  it('is unchanged when the events are delivered again', async () => {
    await harness.apply([registered, changed]);
    const once = await harness.all('vendors');
    const again = await harness.apply([registered, changed]);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('vendors')).toEqual(once);
  });

  it('finds vendors by words of their name', async () => {
    await harness.apply([registered]);
    const hits = await harness.store.search('vendors_v1', 'nourison');
    expect(hits.items.map((h) => h.document.id)).toEqual(['v1']);
  });
});
