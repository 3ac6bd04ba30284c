import type { BackorderEvent, PlacedLine } from '../../src/backorders/backorder.events';
import { customerSnapshot, placedLine, productSnapshot } from './domain-fixtures';

/** Events of one order, bo-1, for the sub-decider specs: placed, on a PO, units set aside. */
export const backorderId = 'bo-1';
export const number = 'BO-000001';
export const customer = customerSnapshot();
export const placedAt = '2026-03-01T10:00:00.000Z';
export const substitute = productSnapshot({
  productId: 'p-2',
  vendorSku: 'NR-1002',
  name: 'Heriz 8x10 Ivory',
});

export const placed = (...lines: PlacedLine[]): BackorderEvent => ({
  type: 'BackorderPlaced',
  data: {
    backorderId,
    number,
    customer,
    salesperson: 'sales-1',
    placedAt,
    priority: 0,
    notes: null,
    lines: lines.length > 0 ? lines : [placedLine({ quantity: 2 })],
  },
});

export const poOrder = (allocationId: string, quantity: number) => ({
  allocationId,
  poId: 'po-1',
  poNumber: 'PO-000001',
  poLineId: 'pl-1',
  vendorId: 'v-1',
  quantity,
});

export const onPo = (allocationId: string, quantity: number, lineId = 'l-1'): BackorderEvent => ({
  type: 'BackorderLineOnPurchaseOrder',
  data: { backorderId, lineId, ...poOrder(allocationId, quantity) },
});

export const setAside = (
  operationId: string,
  quantity: number,
  lineId = 'l-1',
): BackorderEvent => ({
  type: 'BackorderLineUnitsSetAside',
  data: {
    backorderId,
    lineId,
    operationId,
    quantity,
    allocationId: 'a-1',
    source: 'receipt r-1',
    label: {
      customerName: customer.name,
      backorderNumber: number,
      productName: 'Heriz 8x10',
      vendorSku: 'NR-1001',
    },
  },
});

export const offer = {
  receiptId: 'r-1',
  poId: 'po-1',
  poLineId: 'pl-1',
  allocationId: 'a-1',
  substitute,
  quantity: 2,
};

export const offered: BackorderEvent = {
  type: 'BackorderLineSubstitutionOffered',
  data: { backorderId, lineId: 'l-1', ...offer },
};
