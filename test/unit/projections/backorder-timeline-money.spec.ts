import {
  type BackorderTimeline,
  backorderTimelineProjection,
} from '../../../projections/backorders/backorder-timeline.projection';
import { money } from '../../../src/shared/domain/money';
import { customerSnapshot, placedLine, productSnapshot } from '../../support/domain-fixtures';
import { eventLog, projectionHarness } from '../../support/projection-harness';

const usd = (amount: number) => money(amount, 'USD');

describe('backorder timeline: money', () => {
  const event = eventLog();
  const placed = event('backorder-bo-1', 'BackorderPlaced', {
    backorderId: 'bo-1',
    number: 'BO-000001',
    customer: customerSnapshot(),
    salesperson: 'maria',
    placedAt: '2026-09-01T10:00:00.000Z',
    priority: 0,
    notes: null,
    lines: [
      placedLine({ lineId: 'L1' }),
      placedLine({ lineId: 'L2', product: productSnapshot({ productId: 'p-2', name: 'Tabriz' }) }),
    ],
  });
  const account = 'order_account-bo-1';
  const moneyEvents = [
    event(
      account,
      'DepositTaken',
      {
        backorderId: 'bo-1',
        paymentId: 'pay-1',
        amount: usd(50000),
        method: 'card',
        reference: null,
        takenAt: '2026-09-01T10:05:00.000Z',
      },
      { actor: 'maria' },
    ),
    event(
      account,
      'PaymentScheduleAgreed',
      {
        backorderId: 'bo-1',
        scheduleId: 'sch-1',
        kind: 'layaway',
        installments: [
          { installmentId: 'I1', dueOn: '2026-10-01', amount: usd(100000) },
          { installmentId: 'I2', dueOn: '2026-11-01', amount: usd(100000) },
        ],
        goodsReleasedWhen: 'when-paid-in-full',
        releaseAfterInstallmentId: null,
      },
      { actor: 'maria' },
    ),
    event(
      account,
      'PaymentReceived',
      {
        backorderId: 'bo-1',
        paymentId: 'pay-2',
        amount: usd(100000),
        method: 'transfer',
        reference: 'WIRE 77',
        receivedAt: '2026-10-01T10:00:00.000Z',
        installmentId: 'I1',
      },
      { actor: 'alice' },
    ),
    event(
      account,
      'RefundIssued',
      {
        backorderId: 'bo-1',
        refundId: 'ref-1',
        amount: usd(25000),
        method: 'card',
        reference: null,
        reason: 'Tabriz cancelled',
        lineId: 'L2',
        disposition: 'give-to-next-customer',
      },
      { actor: 'alice' },
    ),
  ];

  it('tells deposits, schedules, payments and refunds in plain words, with who', async () => {
    const harness = await projectionHarness(backorderTimelineProjection);
    try {
      await harness.apply([placed, ...moneyEvents]);
      const doc = await harness.document<BackorderTimeline>('timelines', 'bo-1');
      expect(doc!.entries.slice(1).map((e) => [e.who, e.what, e.why])).toEqual([
        ['maria', 'Deposit of 500.00 USD taken by card', null],
        [
          'maria',
          'Layaway agreed: 2 payments totalling 2000.00 USD due 2026-10-01 to 2026-11-01; the goods go when it is paid in full',
          null,
        ],
        ['alice', 'Payment of 1000.00 USD received by transfer (WIRE 77) for installment I1', null],
        [
          'alice',
          'Refund of 250.00 USD by card for line 2 (Tabriz 8x10) (its supply: give to next customer)',
          'Tabriz cancelled',
        ],
      ]);

      const once = await harness.all('timelines');
      expect((await harness.apply(moneyEvents)).documentsWritten).toBe(0);
      expect(await harness.all('timelines')).toEqual(once);
    } finally {
      await harness.close();
    }
  });

  it('ignores money for an order it never saw placed', async () => {
    const harness = await projectionHarness(backorderTimelineProjection);
    try {
      await harness.apply(moneyEvents);
      expect(await harness.all('timelines')).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
