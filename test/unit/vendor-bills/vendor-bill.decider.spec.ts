import type { CostedPurchaseOrder } from '../../../src/purchasing/purchase-order-costs';
import { money } from '../../../src/shared/domain/money';
import { BusinessRuleViolation } from '../../../src/shared/domain/domain-errors';
import {
  type VendorBillDecision,
  vendorBillDecider,
} from '../../../src/vendor-bills/vendor-bill.decider';
import { given } from '../../support/decider';

const usd = (amount: number) => money(amount, 'USD');
const purchaseOrder: CostedPurchaseOrder = {
  poId: 'po-1',
  number: 'PO-000001',
  vendorId: 'v-1',
  status: 'received',
  lines: [
    {
      poLineId: 'PL1',
      productId: 'p-1',
      quantity: 3,
      received: 3,
      unitCost: usd(40000),
      cancelled: false,
    },
  ],
};
const record = (overrides: Partial<VendorBillDecision> = {}): VendorBillDecision => ({
  kind: 'RecordVendorBill',
  billId: 'bill-1',
  vendorInvoiceNumber: 'INV-1',
  billedOn: '2026-10-03',
  lines: [{ poLineId: 'PL1', quantity: 3, unitCost: usd(42000) }],
  purchaseOrder,
  currency: 'USD',
  ...overrides,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BusinessRuleViolation) return error.rule;
    throw error;
  }
  throw new Error('the decider did not refuse');
}

describe('vendor bill decider', () => {
  it('records the billed cost beside the PO cost of each line', () => {
    expect(given(vendorBillDecider, []).when(record())).toEqual([
      {
        type: 'VendorBillRecorded',
        data: {
          billId: 'bill-1',
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
        },
      },
    ]);
  });

  it('does nothing when the same bill is recorded again; refuses it with other figures', () => {
    const recorded = given(vendorBillDecider, []).when(record());
    expect(given(vendorBillDecider, recorded).when(record())).toEqual([]);
    expect(
      refusal(() =>
        given(vendorBillDecider, recorded).when(
          record({ lines: [{ poLineId: 'PL1', quantity: 3, unitCost: usd(41000) }] }),
        ),
      ),
    ).toBe('vendor-bill-already-recorded');
  });

  it.each([
    ['unknown-po-line', { lines: [{ poLineId: 'PL9', quantity: 1, unitCost: usd(1) }] }],
    ['billed-above-ordered', { lines: [{ poLineId: 'PL1', quantity: 4, unitCost: usd(1) }] }],
    ['wrong-currency', { lines: [{ poLineId: 'PL1', quantity: 1, unitCost: money(1, 'EUR') }] }],
    ['purchase-order-not-sent', { purchaseOrder: { ...purchaseOrder, status: 'draft' as const } }],
  ])('refuses with %s', (rule, overrides) => {
    expect(refusal(() => given(vendorBillDecider, []).when(record(overrides)))).toBe(rule);
  });
});
