import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/shared/eventstore/event-envelope';
import { SqliteEventStore } from '../../src/shared/eventstore/sqlite-event-store';

const usd = (amount: number) => ({ amount, currency: 'USD' });
/** Ledger events one generated order writes, from placement to pickup. */
export const EVENTS_PER_ORDER = 10;

/**
 * Fills a log with `orders` whole money stories (placed, invoiced, deposit, PO line, receipt,
 * set aside, vendor bill, payment, pickup) spread over twelve months, with realistic event sizes.
 */
export async function fillLedgerLog(file: string, orders: number): Promise<void> {
  const store = new SqliteEventStore({ file });
  const perCall = 200;
  for (let start = 0; start < orders; start += perCall) {
    const appends = [];
    for (let n = start; n < Math.min(start + perCall, orders); n++)
      appends.push(...orderStory(n, orders));
    await store.appendAll(appends);
  }
  await store.close();
}

function orderStory(n: number, orders: number) {
  const month = Math.floor((n / orders) * 10);
  const day = (d: number) =>
    new Date(Date.UTC(2025, month, 1 + (n % 20) + d, 10, n % 60)).toISOString();
  const backorderId = `b-${n}`;
  const lineId = `l-${n}`;
  const poLineId = `pol-${n}`;
  const product = {
    productId: `p-${n % 5000}`,
    vendorId: 'v-1',
    vendorName: 'Northwind Supply',
    vendorSku: `NW-${n % 5000}`,
    name: `Product ${n % 5000} with a longer name`,
    description: 'A specialty product ordered for a customer',
    cost: usd(5500),
    retailPrice: usd(9900),
  };
  const qty = 1 + (n % 3);
  const total = qty * (9900 - 100 + 809);
  const deposit = Math.floor(total / 4);
  const event = (type: string, at: string, data: unknown): NewEvent => ({
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: 'user-1',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: at,
      schemaVersion: 1,
    },
  });
  const backorder = [
    event('BackorderPlaced', day(0), {
      backorderId,
      number: `BO-${n}`,
      customer: { customerId: `c-${n % 20000}`, name: 'Ada Lovelace', phone: null, email: null },
      salesperson: 'user-1',
      placedAt: day(0),
      priority: 0,
      notes: null,
      lines: [{ lineId, product, quantity: qty, unitPrice: usd(9900), availableInStock: 0 }],
    }),
    event('BackorderLineOnPurchaseOrder', day(0), {
      backorderId,
      lineId,
      allocationId: `a-${n}`,
      poId: `po-${n}`,
      poNumber: `PO-${n}`,
      poLineId,
      vendorId: 'v-1',
      quantity: qty,
    }),
    event('BackorderLineUnitsSetAside', day(8), {
      backorderId,
      lineId,
      operationId: randomUUID(),
      quantity: qty,
      allocationId: `a-${n}`,
      source: 'receipt',
      label: {
        customerName: 'Ada Lovelace',
        backorderNumber: `BO-${n}`,
        productName: product.name,
        vendorSku: product.vendorSku,
      },
    }),
    event('BackorderLineFulfilled', day(30), {
      backorderId,
      lineId,
      quantity: qty,
      method: 'pickup',
      issued: [{ productId: product.productId, quantity: qty }],
    }),
  ];
  const account = [
    event('OrderInvoiced', day(0), {
      backorderId,
      backorderNumber: `BO-${n}`,
      customerId: `c-${n % 20000}`,
      currency: 'USD',
      taxRateBp: 825,
      taxExempt: false,
      exemptionReference: null,
      lines: [
        {
          lineId,
          productId: product.productId,
          quantity: qty,
          unitPrice: usd(9900),
          unitDiscount: usd(100),
          unitTax: usd(809),
        },
      ],
    }),
    event('DepositTaken', day(0), {
      backorderId,
      paymentId: `dep-${n}`,
      amount: usd(deposit),
      method: 'card',
      reference: null,
      takenAt: day(0),
    }),
    event('PaymentReceived', day(29), {
      backorderId,
      paymentId: `pay-${n}`,
      amount: usd(total - deposit),
      method: 'card',
      reference: null,
      receivedAt: day(29),
      installmentId: null,
    }),
  ];
  const purchaseOrder = [
    event('PurchaseOrderLineAdded', day(0), {
      poId: `po-${n}`,
      poLineId,
      product,
      quantity: qty,
      unitCost: usd(5500),
    }),
    event('PurchaseOrderReceiptRecorded', day(8), {
      poId: `po-${n}`,
      receiptId: `r-${n}`,
      poNumber: `PO-${n}`,
      vendorId: 'v-1',
      vendorName: 'Northwind Supply',
      status: 'received',
      lines: [
        {
          poLineId,
          product,
          ordered: qty,
          receivedBefore: 0,
          quantity: qty,
          over: 0,
          short: 0,
          setAside: [],
          toStock: 0,
          substitution: null,
        },
      ],
    }),
  ];
  const bill = [
    event('VendorBillRecorded', day(12), {
      billId: `bill-${n}`,
      vendorId: 'v-1',
      poId: `po-${n}`,
      poNumber: `PO-${n}`,
      vendorInvoiceNumber: `INV-${n}`,
      billedOn: day(12).slice(0, 10),
      lines: [
        {
          poLineId,
          productId: product.productId,
          quantity: qty,
          poUnitCost: usd(5500),
          billedUnitCost: usd(5550),
        },
      ],
      total: usd(qty * 5550),
    }),
  ];
  return [
    { stream: `purchase_order-po-${n}`, events: purchaseOrder, expectedRevision: 'any' as const },
    { stream: `backorder-${backorderId}`, events: backorder, expectedRevision: 'any' as const },
    { stream: `order_account-${backorderId}`, events: account, expectedRevision: 'any' as const },
    { stream: `vendor_bill-bill-${n}`, events: bill, expectedRevision: 'any' as const },
  ];
}
