import type { BackorderEvent } from '../../src/backorders/backorder.events';
import type { PurchaseOrderEvent } from '../../src/purchasing/purchase-order.events';

/** The PO events that reach customer orders; the others concern the PO alone. */
export const purchaseOrderEventsForOrders = [
  'PurchaseOrderLineAllocated',
  'PurchaseOrderAllocationReleased',
  'PurchaseOrderAllocationTransferred',
  'PurchaseOrderSubmitted',
  'PurchaseOrderAcknowledged',
  'PurchaseOrderLineEtaRevised',
  'PurchaseOrderReceiptRecorded',
  'PurchaseOrderSubstitutionResolved',
  'PurchaseOrderLineCancelled',
  'PurchaseOrderCancelled',
  'PurchaseOrderClosed',
] as const satisfies readonly PurchaseOrderEvent['type'][];

export const backorderEventTypes = [
  'BackorderPlaced',
  'BackorderLineOrderedAnyway',
  'BackorderLineLinkedToStock',
  'BackorderLineOnPurchaseOrder',
  'BackorderLineUnitsSetAside',
  'BackorderLineSubstitutionOffered',
  'BackorderLineSubstitutionAccepted',
  'BackorderLineSubstitutionRejected',
  'BackorderReadyNoticeRecorded',
  'BackorderLineFulfilled',
  'BackorderLineQuantityChanged',
  'BackorderLineCancelled',
  'BackorderLineExceptionRaised',
  'BackorderClosed',
] as const satisfies readonly BackorderEvent['type'][];
