import {
  customerDirectoryProjection,
  phoneKeys,
} from '../../../projections/customers/customer-directory.projection';
import { eventLog } from '../../support/projection-harness';
import { projectionSpec } from '../../support/projection-spec';

describe('customer directory projection', () => {
  let harness: Awaited<ReturnType<typeof projectionSpec>>;
  // Every batch is delivered twice (projectionSpec): redelivery changes nothing.
  beforeEach(async () => (harness = await projectionSpec(customerDirectoryProjection)));
  afterEach(() => harness.close());

  const event = eventLog();
  const registered = event('customer-c1', 'CustomerRegistered', {
    customerId: 'c1',
    name: 'Amelia Hartley',
    phone: '(201) 555-0143',
    email: 'amelia@example.com',
  });
  const changed = event('customer-c1', 'CustomerDetailsChanged', {
    customerId: 'c1',
    changes: { phone: '+1 973 555 0199', email: null },
    previous: { phone: '(201) 555-0143', email: 'amelia@example.com' },
  });

  it('keys a phone by every ending of its digits, down to the last four', () => {
    expect(phoneKeys('(201) 555-0143')).toEqual([
      '2015550143',
      '015550143',
      '15550143',
      '5550143',
      '550143',
      '50143',
      '0143',
    ]);
    expect(phoneKeys(null)).toEqual([]);
    expect(phoneKeys('12')).toEqual([]);
  });

  it('lists a registered customer, then the changed details', async () => {
    await harness.apply([registered, changed]);
    expect(await harness.document('customers', 'c1')).toEqual({
      id: 'c1',
      name: 'Amelia Hartley',
      sortName: 'amelia hartley',
      phone: '+1 973 555 0199',
      phoneKeys: phoneKeys('19735550199'),
      email: null,
      registeredAt: registered.metadata.occurredAt,
      updatedAt: changed.metadata.occurredAt,
    });
  });

  it('is unchanged when the events are delivered again', async () => {
    await harness.apply([registered, changed]);
    const once = await harness.all('customers');
    const again = await harness.apply([registered, changed]);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('customers')).toEqual(once);
  });

  it('finds a customer by name, email words or phone digits, and forgets the old phone', async () => {
    await harness.apply([registered]);
    const search = async (text: string) =>
      (await harness.store.search('customers_v1', text)).items.map((h) => h.document.id);
    expect(await search('hartley')).toEqual(['c1']);
    expect(await search('amelia@example.com')).toEqual(['c1']);
    expect(await search('2015550143')).toEqual(['c1']);
    expect(await search('0143')).toEqual(['c1']);

    await harness.apply([changed]);
    expect(await search('0143')).toEqual([]);
    expect(await search('5550199')).toEqual(['c1']);
  });
});
