import { answer } from '../shared/http/api-answer';
import { herizPersian2Example, tabrizSilkBlueExample } from '../shared/http/answer-fragments';

/**
 * What the routes of receipt.controller.ts answer, for the OpenAPI document: taken from real
 * answers of the e2e tests (a few put together from parts of others), lists cut to one or two
 * items; `nullable` names the fields other answers sent as null. Real answers are checked
 * against them in test/e2e/openapi-answers-match.e2e.spec.ts.
 */
export const RECEIPT_ANSWERS = {
  /** GET /receipts/:id (200) */
  get: answer(
    {
      id: '5989e571-8f03-49dd-9c95-985eb3971d47',
      receiptId: '5989e571-8f03-49dd-9c95-985eb3971d47',
      poId: 'bc0a6922-d475-5a2e-a744-997c712eabad',
      poNumber: 'PO-000001',
      vendorId: 'd9681e0a-dbf8-4f18-8c17-d05fc6b1a0f5',
      vendorName: 'Nourison',
      receivedAt: '2026-12-02T16:35:31.808Z',
      receivedBy: 'rick',
      lines: [
        {
          poLineId: '390d8a93-bc3b-5b4d-80f4-f5597ce022c4',
          product: herizPersian2Example,
          ordered: 3,
          receivedBefore: 0,
          quantity: 2,
          over: 0,
          short: 1,
          setAside: [
            {
              allocationId: '1bf92921-2c96-52a3-aaf6-2a704cc86da7',
              backorderId: '0fa1c32e-dfef-446a-ac00-264f89a048ee',
              backorderNumber: 'BO-000001',
              lineId: 'L1',
              customerName: 'Ann Smith',
              quantity: 1,
              label: {
                customerName: 'Ann Smith',
                backorderNumber: 'BO-000001',
                productName: 'Heriz Persian',
                vendorSku: 'HER-01',
                quantity: 1,
              },
              note: 'Set aside for Ann Smith, BO-000001',
            },
          ],
          toStock: 0,
          substitution: null,
        },
      ],
      totals: {
        received: 2,
        setAside: 2,
        toStock: 0,
        over: 0,
        short: 2,
      },
      substitutes: {
        received: 1,
        offered: 1,
        toStock: 0,
        pending: 1,
        accepted: 0,
        rejected: 0,
      },
      substitutions: [
        {
          allocationId: '5e3e0942-92a2-5608-a74e-d9088a65fd42',
          backorderId: 'd181a38b-4990-43eb-bb02-3a17fdd4c73b',
          backorderNumber: 'BO-000003',
          lineId: 'L2',
          customerName: 'Cy Young',
          quantity: 1,
          poLineId: 'f4fcfeef-d88d-502f-8545-a66e27cbead9',
          product: tabrizSilkBlueExample,
          decision: 'pending',
          decidedAt: null,
          decidedBy: null,
          label: null,
          note: null,
        },
      ],
      updatedAt: '2026-12-02T16:35:31.808Z',
    },
    [
      'lines[].product.design',
      'lines[].product.dimensions',
      'lines[].product.dimensions.lengthCm',
      'lines[].product.dimensions.shape',
      'lines[].product.dimensions.widthCm',
      'lines[].product.material',
      'lines[].substitution',
      'lines[].substitution.product.design',
      'lines[].substitution.product.material',
      'substitutions[].decidedAt',
      'substitutions[].decidedBy',
      'substitutions[].label',
      'substitutions[].note',
      'substitutions[].product.design',
      'substitutions[].product.dimensions',
      'substitutions[].product.dimensions.lengthCm',
      'substitutions[].product.dimensions.shape',
      'substitutions[].product.dimensions.widthCm',
      'substitutions[].product.material',
    ],
  ),
};
