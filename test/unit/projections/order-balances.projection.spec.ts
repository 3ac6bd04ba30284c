import { orderBalancesProjection } from '../../../projections/payments/order-balances.projection';
import { vendorBillsProjection } from '../../../projections/vendor-bills/vendor-bills.projection';
import { money } from '../../../src/shared/domain/money';
import { eventLog, projectionHarness } from '../../support/projection-harness';

const usd = (amount: number) => money(amount, 'USD');

describe('order balances projection', () => {
  const event = eventLog();
  const stream = 'order_account-bo-1';
  const invoiced = event(stream, 'OrderInvoiced', {
    backorderId: 'bo-1',
    backorderNumber: 'BO-000001',
    customerId: 'cust-1',
    currency: 'USD',
    taxRateBp: 0,
    taxExempt: false,
    exemptionReference: null,
    lines: [
      {
        lineId: 'L1',
        productId: 'p-1',
        quantity: 2,
        unitPrice: usd(50000),
        unitDiscount: usd(0),
        unitTax: usd(0),
      },
    ],
  });
  const deposit = event(stream, 'DepositTaken', {
    backorderId: 'bo-1',
    paymentId: 'pay-1',
    amount: usd(20000),
    method: 'cash',
    reference: null,
    takenAt: '2026-09-01T10:00:00.000Z',
  });
  const layaway = event(stream, 'PaymentScheduleAgreed', {
    backorderId: 'bo-1',
    scheduleId: 'sch-1',
    kind: 'layaway',
    installments: [
      { installmentId: 'I1', dueOn: '2026-10-01', amount: usd(40000) },
      { installmentId: 'I2', dueOn: '2026-11-01', amount: usd(40000) },
    ],
    goodsReleasedWhen: 'when-paid-in-full',
    releaseAfterInstallmentId: null,
  });
  const payment = event(stream, 'PaymentReceived', {
    backorderId: 'bo-1',
    paymentId: 'pay-2',
    amount: usd(40000),
    method: 'card',
    reference: null,
    receivedAt: '2026-10-01T10:00:00.000Z',
    installmentId: 'I1',
  });
  const cancelledOne = event(stream, 'InvoiceLineAdjusted', {
    backorderId: 'bo-1',
    lineId: 'L1',
    quantity: 1,
    reason: 'one fewer',
  });

  let harness: Awaited<ReturnType<typeof projectionHarness>>;
  beforeEach(async () => {
    harness = await projectionHarness(orderBalancesProjection);
  });
  afterEach(() => harness.close());

  it('keeps the balance due and the first unpaid installment of each order', async () => {
    await harness.apply([invoiced, deposit, layaway]);
    expect(await harness.document('balances', 'bo-1')).toMatchObject({
      invoiceTotal: 100000,
      paid: 20000,
      balanceDue: 80000,
      scheduleKind: 'layaway',
      firstUnpaidDueOn: '2026-10-01',
    });
    await harness.apply([payment, cancelledOne]);
    expect(await harness.document('balances', 'bo-1')).toMatchObject({
      invoiceTotal: 50000,
      balanceDue: -10000,
      firstUnpaidDueOn: '2026-11-01',
    });
  });

  it('is unchanged when the events are delivered again', async () => {
    await harness.apply([invoiced, deposit, layaway, payment]);
    const once = await harness.all('balances');
    const again = await harness.apply([invoiced, deposit, layaway, payment]);
    expect(again.documentsWritten).toBe(0);
    expect(await harness.all('balances')).toEqual(once);
  });
});

describe('vendor bills projection', () => {
  const event = eventLog();
  const bill = event('vendor_bill-b-1', 'VendorBillRecorded', {
    billId: 'b-1',
    vendorId: 'v-1',
    poId: 'po-1',
    poNumber: 'PO-000001',
    vendorInvoiceNumber: 'INV-1',
    billedOn: '2026-10-03',
    lines: [
      {
        poLineId: 'PL1',
        productId: 'p-1',
        quantity: 3,
        poUnitCost: usd(40000),
        billedUnitCost: usd(42000),
      },
    ],
    total: usd(126000),
  });

  it('lists each bill with its purchase price variance, once however often delivered', async () => {
    const harness = await projectionHarness(vendorBillsProjection);
    await harness.apply([bill]);
    expect(await harness.document('bills', 'b-1')).toMatchObject({
      poId: 'po-1',
      priceVariance: usd(6000),
      lines: [expect.objectContaining({ variance: usd(6000) })],
      recordedBy: 'clerk',
    });
    expect((await harness.apply([bill])).documentsWritten).toBe(0);
    await harness.close();
  });
});
