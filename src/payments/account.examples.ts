/** What GET /backorders/:id/account answers, for the OpenAPI document. */
export const ACCOUNT_EXAMPLE = {
  backorderId: '0f9d2a64-5a4c-4f4e-9d7a-1c3b8e2f6a10',
  backorderNumber: 'BO-000123',
  customerId: '5b0c3f0e-8a51-4a57-9d4e-2f1a6c7b8d90',
  currency: 'USD',
  taxRateBp: 825,
  taxExempt: false,
  exemptionReference: null,
  invoicedAt: '2026-09-14T15:02:11.000Z',
  lines: [
    {
      lineId: 'L1',
      productId: '7c1e2b0a-3d4f-4e5a-8b6c-9d0e1f2a3b4c',
      quantity: 1,
      unitPrice: { amount: 289900, currency: 'USD' },
      unitDiscount: { amount: 10000, currency: 'USD' },
      unitTax: { amount: 23092, currency: 'USD' },
      lineTotal: { amount: 302992, currency: 'USD' },
    },
  ],
  totals: {
    subtotal: { amount: 289900, currency: 'USD' },
    discount: { amount: 10000, currency: 'USD' },
    tax: { amount: 23092, currency: 'USD' },
    total: { amount: 302992, currency: 'USD' },
    paid: { amount: 100000, currency: 'USD' },
    refunded: { amount: 0, currency: 'USD' },
  },
  payments: [
    {
      id: '2d4b…',
      kind: 'deposit',
      amount: { amount: 100000, currency: 'USD' },
      method: 'card',
      reference: null,
      at: '2026-09-14T15:03:40.000Z',
      by: 'maria',
      installmentId: null,
    },
  ],
  refunds: [],
  schedule: {
    scheduleId: '9e8f…',
    kind: 'layaway',
    goodsReleasedWhen: 'when-paid-in-full',
    releaseAfterInstallmentId: null,
    installments: [
      {
        installmentId: 'I1',
        dueOn: '2026-10-15',
        amount: { amount: 101496, currency: 'USD' },
        covered: 0,
        paid: false,
        overdue: true,
      },
      {
        installmentId: 'I2',
        dueOn: '2026-11-15',
        amount: { amount: 101496, currency: 'USD' },
        covered: 0,
        paid: false,
        overdue: false,
      },
    ],
    overdue: [
      {
        installmentId: 'I1',
        dueOn: '2026-10-15',
        amount: { amount: 101496, currency: 'USD' },
        covered: 0,
        paid: false,
        overdue: true,
      },
    ],
  },
  goodsReleasable: false,
  balanceDue: { amount: 202992, currency: 'USD' },
  margins: [
    {
      lineId: 'L1',
      revenuePerUnit: { amount: 279900, currency: 'USD' },
      costPerUnit: { amount: 126000, currency: 'USD' },
      costSource: 'vendor-bill',
      marginPerUnit: { amount: 153900, currency: 'USD' },
      marginBp: 5498,
    },
  ],
};

export const OPEN_BALANCES_EXAMPLE = {
  items: [
    {
      backorderId: '0f9d2a64-5a4c-4f4e-9d7a-1c3b8e2f6a10',
      backorderNumber: 'BO-000123',
      customerId: '5b0c3f0e-8a51-4a57-9d4e-2f1a6c7b8d90',
      invoiceTotal: { amount: 302992, currency: 'USD' },
      paid: { amount: 100000, currency: 'USD' },
      balanceDue: { amount: 202992, currency: 'USD' },
      scheduleKind: 'layaway',
      firstUnpaidDueOn: '2026-10-15',
    },
  ],
  nextCursor: null,
};

export const OVERDUE_EXAMPLE = {
  asOf: '2026-11-02',
  items: [
    {
      backorderId: '0f9d2a64-5a4c-4f4e-9d7a-1c3b8e2f6a10',
      backorderNumber: 'BO-000123',
      customerId: '5b0c3f0e-8a51-4a57-9d4e-2f1a6c7b8d90',
      installmentId: 'I1',
      dueOn: '2026-10-15',
      amount: { amount: 101496, currency: 'USD' },
      unpaid: { amount: 101496, currency: 'USD' },
      daysOverdue: 18,
    },
  ],
  nextCursor: null,
};
