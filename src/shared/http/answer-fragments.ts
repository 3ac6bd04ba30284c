/**
 * Parts that several example answers in the OpenAPI document share (a product as an order
 * line shows it, a purchase order line, ...): written once, taken from real answers.
 */
export const totalsExample = {
  cost: {
    amount: 160000,
    currency: 'USD',
  },
};

export const selectionExample = {
  kinds: ['missing'],
  skus: ['NR-RND-0800'],
};

export const accountBalanceExample = {
  account: '1000',
  name: 'Cash',
  debit: 0,
  credit: 0,
};

export const periodsExample = {
  period: '2026-01',
  revenue: 0,
  cost: 0,
  deposits: 500,
};

export const countsExample = {
  lines: 2,
  units: 4,
  unitsForCustomers: 4,
  unitsForStock: 0,
};

export const originExample = {
  kind: 'consolidated',
  policy: 'daily',
  windowKey: 'day:2026-12-02',
  generation: 0,
};

export const trialBalanceExample = {
  lines: [accountBalanceExample],
  debit: 0,
  credit: 0,
  balanced: true,
};

export const reviewExample = {
  rows: 1,
  valid: 1,
  invalid: 0,
  new: 0,
  costChanged: 0,
  priceChanged: 0,
  detailsChanged: 1,
  unchanged: 0,
  missing: 4,
};

export const policyBookExample = {
  trialBalance: trialBalanceExample,
  periods: [],
};

export const unitsOnOrderExample = {
  poId: 'bc0a6922-d475-5a2e-a744-997c712eabad',
  poNumber: 'PO-000001',
  poLineId: '390d8a93-bc3b-5b4d-80f4-f5597ce022c4',
  vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
  quantity: 1,
};

export const vendorExample = {
  id: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
  name: 'Nourison',
  leadTimeDays: 21,
  consolidation: 'daily',
  email: null,
  phone: null,
  registeredAt: '2026-12-02T16:35:26.089Z',
  updatedAt: '2026-12-02T16:35:26.089Z',
};

export const userExample = {
  id: 'cb4cd391-a5fa-5f68-83e7-1f3d3fbbbef9',
  username: 'admin',
  displayName: 'Administrator',
  roles: ['admin'],
  status: 'active',
  mustChangePassword: false,
  createdAt: '2026-12-02T16:32:08.300Z',
  lastLoginAt: '2026-12-02T16:32:13.269Z',
  failedLoginsSinceLastLogin: 0,
};

export const uploadedImageExample = {
  hash: 'fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d',
  format: 'jpeg',
  width: 3000,
  height: 2000,
  bytes: 670543,
  urls: {
    original: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d',
    medium: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d/medium',
    thumbnail: '/images/fa53791a15f6b2e1fcf6567fca4ee6aaebf5b5092912edd599563d24f03b2b1d/thumbnail',
  },
};

/** A product's snapshot as the answers copy it; the examples below differ only in what names it. */
const rugSnapshot = {
  vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
  collection: 'Heritage',
  design: null,
  color: 'Navy',
  size: '5\'3" x 7\'6"',
  material: null,
  images: [] as string[],
  dimensions: {
    widthCm: 160,
    lengthCm: 228.6,
    shape: 'rectangle',
  },
  vendorName: 'Nourison',
  cost: {
    amount: 40000,
    currency: 'USD',
  },
  retailPrice: {
    amount: 99900,
    currency: 'USD',
  },
};

const rug = (productId: string, vendorSku: string, name: string, images: string[] = []) => {
  const { vendorId, ...rest } = rugSnapshot;
  return { productId, vendorId, vendorSku, name, ...rest, images };
};

export const kilimRunnerExample = rug(
  '54c7e236-f97c-58bd-a53a-37df8d748ac5',
  'KIL-03',
  'Kilim Runner',
);

export const herizPersian2Example = rug(
  '8500845b-6f3a-5506-ad00-1b9cd4a0daae',
  'HER-01',
  'Heriz Persian',
);

export const tabrizSilkBlueExample = rug(
  '60b2bf7e-792c-52a5-afd1-0705e02ca514',
  'TAB-02B',
  'Tabriz Silk Blue',
);

export const herizPersianExample = rug(
  '8500845b-6f3a-5506-ad00-1b9cd4a0daae',
  'HER-01',
  'Heriz Persian',
  ['https://img.example/kas-1.jpg'],
);

export const purchaseOrderLineExample = {
  poLineId: '390d8a93-bc3b-5b4d-80f4-f5597ce022c4',
  product: herizPersian2Example,
  quantity: 3,
  unitCost: {
    amount: 40000,
    currency: 'USD',
  },
  lineTotal: {
    amount: 120000,
    currency: 'USD',
  },
  cancelled: false,
  cancelledAt: null,
  cancelReason: null,
  received: 0,
  outstanding: 3,
  forStock: 0,
  eta: null,
  etaHistory: [],
  quantityChanges: [],
  allocated: 3,
};

export const purchaseOrderExample = {
  id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
  number: 'PO-000001',
  vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
  vendorName: 'Nourison',
  status: 'draft',
  origin: originExample,
  openedAt: '2026-12-02T16:35:29.984Z',
  submittedAt: null,
  acknowledgedAt: null,
  vendorReference: null,
  closedAt: null,
  closeReason: null,
  cancelledAt: null,
  cancelReason: null,
  lines: [purchaseOrderLineExample],
  receipts: [],
  totals: totalsExample,
  counts: countsExample,
  updatedAt: '2026-12-02T16:35:30.367Z',
};
