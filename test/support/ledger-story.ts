import { randomUUID } from 'node:crypto';
import type { LedgerEvent } from '../../projections/accounting/ledger-events';

/** Builds ledger input events with rising positions; data shapes follow the money contract. */
export function ledgerLog() {
  let position = 0;
  return (type: string, occurredAt: string, data: unknown): LedgerEvent => ({
    id: randomUUID(),
    type,
    data,
    position: ++position,
    occurredAt,
    recordedAt: occurredAt,
  });
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

/**
 * One order of two units at 10.00 less 1.00 discount, 8.25 % tax, a 5.00 deposit; the PO costs
 * 5.50 a unit, billed at 5.60; the units arrive and are set aside in February, picked up in March.
 */
export function depositToPickupStory() {
  const e = ledgerLog();
  const backorderId = 'b-1';
  const lineId = 'l-1';
  const product = { productId: 'p-1', cost: usd(600), retailPrice: usd(1000) };
  return [
    e('BackorderPlaced', '2026-01-10T10:00:00.000Z', {
      backorderId,
      number: 'BO-1',
      customer: { customerId: 'c-1', name: 'Ada' },
      lines: [{ lineId, product, quantity: 2, unitPrice: usd(1000), availableInStock: 0 }],
    }),
    e('OrderInvoiced', '2026-01-10T10:00:00.000Z', {
      backorderId,
      backorderNumber: 'BO-1',
      customerId: 'c-1',
      currency: 'USD',
      taxRateBp: 825,
      taxExempt: false,
      exemptionReference: null,
      lines: [
        {
          lineId,
          productId: 'p-1',
          quantity: 2,
          unitPrice: usd(1000),
          unitDiscount: usd(100),
          unitTax: usd(74),
        },
      ],
    }),
    e('DepositTaken', '2026-01-10T10:05:00.000Z', {
      backorderId,
      paymentId: 'pay-1',
      amount: usd(500),
      method: 'cash',
      reference: null,
      takenAt: '2026-01-10T10:05:00.000Z',
    }),
    e('PurchaseOrderLineAdded', '2026-01-11T09:00:00.000Z', {
      poId: 'po-1',
      poLineId: 'pol-1',
      product,
      quantity: 2,
      unitCost: usd(550),
    }),
    e('BackorderLineOnPurchaseOrder', '2026-01-11T09:00:00.000Z', {
      backorderId,
      lineId,
      allocationId: 'a-1',
      poId: 'po-1',
      poNumber: 'PO-1',
      poLineId: 'pol-1',
      vendorId: 'v-1',
      quantity: 2,
    }),
    e('PurchaseOrderReceiptRecorded', '2026-02-05T08:00:00.000Z', {
      poId: 'po-1',
      receiptId: 'r-1',
      poNumber: 'PO-1',
      vendorId: 'v-1',
      vendorName: 'Vendor',
      status: 'received',
      lines: [{ poLineId: 'pol-1', product, quantity: 2, substitution: null }],
    }),
    e('BackorderLineUnitsSetAside', '2026-02-05T08:01:00.000Z', {
      backorderId,
      lineId,
      operationId: 'op-1',
      quantity: 2,
      allocationId: 'a-1',
      source: 'receipt',
    }),
    e('VendorBillRecorded', '2026-02-20T12:00:00.000Z', {
      billId: 'bill-1',
      vendorId: 'v-1',
      poId: 'po-1',
      poNumber: 'PO-1',
      vendorInvoiceNumber: 'INV-9',
      billedOn: '2026-02-20',
      lines: [
        {
          poLineId: 'pol-1',
          productId: 'p-1',
          quantity: 2,
          poUnitCost: usd(550),
          billedUnitCost: usd(560),
        },
      ],
      total: usd(1120),
    }),
    e('PaymentReceived', '2026-03-02T15:00:00.000Z', {
      backorderId,
      paymentId: 'pay-2',
      amount: usd(1448),
      method: 'card',
      reference: null,
      receivedAt: '2026-03-02T15:00:00.000Z',
      installmentId: null,
    }),
    e('BackorderLineFulfilled', '2026-03-03T11:00:00.000Z', {
      backorderId,
      lineId,
      quantity: 2,
      method: 'pickup',
      issued: [{ productId: 'p-1', quantity: 2 }],
    }),
  ];
}
