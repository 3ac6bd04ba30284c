import { answer } from '../shared/http/api-answer';
import {
  countsExample,
  herizPersian2Example,
  originExample,
  purchaseOrderExample,
  totalsExample,
} from '../shared/http/answer-fragments';

/**
 * What the routes of purchase-order.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const PURCHASE_ORDER_ANSWERS = {
  /** POST /purchase-orders (201) */
  create: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    number: 'PO-000001',
  }),
  /** GET /purchase-orders (200) */
  list: answer(
    {
      items: [purchaseOrderExample],
      nextCursor: null,
    },
    [
      'items[].acknowledgedAt',
      'items[].cancelReason',
      'items[].cancelledAt',
      'items[].closeReason',
      'items[].closedAt',
      'items[].lines[].cancelReason',
      'items[].lines[].cancelledAt',
      'items[].lines[].eta',
      'items[].lines[].product.collection',
      'items[].lines[].product.color',
      'items[].lines[].product.design',
      'items[].lines[].product.dimensions',
      'items[].lines[].product.dimensions.lengthCm',
      'items[].lines[].product.dimensions.shape',
      'items[].lines[].product.dimensions.widthCm',
      'items[].lines[].product.material',
      'items[].lines[].product.size',
      'items[].submittedAt',
      'items[].vendorReference',
      'nextCursor',
    ],
  ),
  /** GET /purchase-orders/drafts (200) */
  drafts: answer(
    [
      {
        vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
        vendorName: 'Nourison',
        drafts: [purchaseOrderExample],
      },
    ],
    [
      '[].drafts[].acknowledgedAt',
      '[].drafts[].cancelReason',
      '[].drafts[].cancelledAt',
      '[].drafts[].closeReason',
      '[].drafts[].closedAt',
      '[].drafts[].lines[].cancelReason',
      '[].drafts[].lines[].cancelledAt',
      '[].drafts[].lines[].eta',
      '[].drafts[].lines[].product.collection',
      '[].drafts[].lines[].product.color',
      '[].drafts[].lines[].product.design',
      '[].drafts[].lines[].product.dimensions',
      '[].drafts[].lines[].product.dimensions.lengthCm',
      '[].drafts[].lines[].product.dimensions.shape',
      '[].drafts[].lines[].product.dimensions.widthCm',
      '[].drafts[].lines[].product.material',
      '[].drafts[].lines[].product.size',
      '[].drafts[].submittedAt',
      '[].drafts[].vendorReference',
    ],
  ),
  /** GET /purchase-orders/:id (200) */
  get: answer(
    {
      id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
      number: 'PO-000001',
      vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
      vendorName: 'Nourison',
      status: 'partially-received',
      origin: originExample,
      openedAt: '2026-12-02T16:35:29.984Z',
      submittedAt: '2026-12-02T16:35:31.366Z',
      acknowledgedAt: '2026-12-02T16:35:31.449Z',
      vendorReference: 'SO-88412',
      closedAt: null,
      closeReason: null,
      cancelledAt: null,
      cancelReason: null,
      lines: [
        {
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
          received: 2,
          outstanding: 1,
          forStock: 0,
          eta: '2026-12-18',
          etaHistory: [
            {
              at: '2026-12-02T16:35:31.449Z',
              eta: '2026-12-10',
              previous: '2026-12-10',
              change: 'acknowledged',
              source: 'vendor',
              reason: 'dye lot delayed',
              who: 'paul',
            },
          ],
          quantityChanges: [],
          allocated: 3,
          allocations: [
            {
              allocationId: '1bf92921-2c96-52a3-aaf6-2a704cc86da7',
              backorderId: '0fa1c32e-dfef-446a-ac00-264f89a048ee',
              backorderNumber: 'BO-000001',
              lineId: 'L1',
              customerId: '63e5d785-ea84-4bb4-af2e-1f37c9017915',
              customerName: 'Ann Smith',
              quantity: 1,
              priority: 0,
              placedAt: '2026-12-02T16:35:29.870Z',
              outstanding: 0,
              setAside: 1,
              offered: 0,
            },
          ],
        },
      ],
      receipts: [
        {
          receiptId: '5989e571-8f03-49dd-9c95-985eb3971d47',
          receivedAt: '2026-12-02T16:35:31.808Z',
          units: 2,
        },
      ],
      totals: totalsExample,
      counts: countsExample,
      updatedAt: '2026-12-02T16:35:31.808Z',
    },
    [
      'acknowledgedAt',
      'cancelReason',
      'cancelledAt',
      'closeReason',
      'closedAt',
      'lines[].cancelReason',
      'lines[].cancelledAt',
      'lines[].eta',
      'lines[].etaHistory[].previous',
      'lines[].etaHistory[].reason',
      'lines[].product.collection',
      'lines[].product.color',
      'lines[].product.design',
      'lines[].product.dimensions',
      'lines[].product.dimensions.lengthCm',
      'lines[].product.dimensions.shape',
      'lines[].product.dimensions.widthCm',
      'lines[].product.material',
      'lines[].product.size',
      'submittedAt',
      'vendorReference',
    ],
  ),
  /** GET /purchase-orders/:id/receiving (200) */
  receiving: answer(
    {
      poId: 'bc0a6922-d475-5a2e-a744-997c712eabad',
      number: 'PO-000001',
      vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
      vendorName: 'Nourison',
      status: 'acknowledged',
      receivable: true,
      allocationOrder: 'oldest-first',
      lines: [
        {
          poLineId: '390d8a93-bc3b-5b4d-80f4-f5597ce022c4',
          product: herizPersian2Example,
          ordered: 3,
          received: 0,
          expected: 3,
          eta: '2026-12-18',
          forCustomers: [
            {
              allocationId: 'a7c2e9d4-3b1f-4c6a-9e8d-5f2b7c1a0e3d',
              backorderId: 'e3d2a31c-1e34-4ded-89ea-44a959f88be0',
              backorderNumber: 'BO-000001',
              lineId: 'L1',
              customerName: 'Ana Lima',
              quantity: 1,
              placedAt: '2026-12-02T16:35:29.120Z',
              priority: 0,
            },
          ],
          awaitingSubstituteDecision: [],
          forStock: 2,
        },
      ],
    },
    [
      'lines[].eta',
      'lines[].product.collection',
      'lines[].product.color',
      'lines[].product.design',
      'lines[].product.dimensions',
      'lines[].product.dimensions.lengthCm',
      'lines[].product.dimensions.shape',
      'lines[].product.dimensions.widthCm',
      'lines[].product.material',
      'lines[].product.size',
    ],
  ),
  /** POST /purchase-orders/:id/submit (200) */
  submit: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    changed: true,
  }),
  /** POST /purchase-orders/:id/acknowledge (200) */
  acknowledge: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    changed: true,
  }),
  /** POST /purchase-orders/:id/lines/:lineId/eta (200) */
  reviseEta: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    changed: true,
  }),
  /** POST /purchase-orders/:id/lines/:lineId/cancel (200) */
  cancelLine: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    changed: true,
  }),
  /** POST /purchase-orders/:id/cancel (200) */
  cancel: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    changed: true,
  }),
  /** POST /purchase-orders/:id/close (200) */
  close: answer({
    id: 'bc0a6922-d475-5a2e-a744-997c712eabad',
    changed: true,
  }),
  /** POST /purchase-orders/:id/receipts (201) */
  receive: answer({
    id: '5989e571-8f03-49dd-9c95-985eb3971d47',
    poId: 'bc0a6922-d475-5a2e-a744-997c712eabad',
  }),
};
