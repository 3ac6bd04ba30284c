import type { ProductSnapshot } from '../../src/catalog/product-snapshot';
import type {
  PurchaseOrderReceiptRecorded,
  PurchaseOrderSubstitutionResolved,
  ReceiptLine,
  SetAsideUnits,
} from '../../src/purchasing/purchase-order.events';
import type { RecordedEvent } from '../../src/shared/eventstore/event-envelope';
import {
  defineCollection,
  defineProjection,
} from '../../src/shared/projections/projection-definition';

type ReceiptRecordedEvent =
  | (RecordedEvent<'PurchaseOrderReceiptRecorded'> & PurchaseOrderReceiptRecorded)
  | (RecordedEvent<'PurchaseOrderSubstitutionResolved'> & PurchaseOrderSubstitutionResolved);

/** What the receiving desk prints and sticks on units held for a customer. */
export interface SetAsideLabel {
  readonly customerName: string;
  readonly backorderNumber: string;
  readonly productName: string;
  readonly vendorSku: string;
  readonly quantity: number;
}

export interface LabelledSetAside extends SetAsideUnits {
  readonly label: SetAsideLabel;
  /** "Set aside for Ann Smith, BO-000123" */
  readonly note: string;
}

export interface ReceiptLineView extends Omit<ReceiptLine, 'setAside'> {
  readonly setAside: readonly LabelledSetAside[];
}

/** Substitute units offered to one customer line, and what the customer decided. */
export interface SubstitutionDecision extends SetAsideUnits {
  readonly poLineId: string;
  /** The product sent in place of the ordered one. */
  readonly product: ProductSnapshot;
  readonly decision: 'pending' | 'accepted' | 'rejected';
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  /** Accepted substitute units are held for the customer: this is their label. */
  readonly label: SetAsideLabel | null;
  readonly note: string | null;
}

export interface ReceiptDocument {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly receiptId: string;
  readonly poId: string;
  readonly poNumber: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly lines: readonly ReceiptLineView[];
  /** Units of the ordered products. */
  readonly totals: {
    readonly received: number;
    readonly setAside: number;
    readonly toStock: number;
    readonly over: number;
    readonly short: number;
  };
  /** Units sent in place of ordered products, and how the customers' decisions stand. */
  readonly substitutes: {
    readonly received: number;
    readonly offered: number;
    /** Substitute units nobody waited for. */
    readonly toStock: number;
    readonly pending: number;
    readonly accepted: number;
    readonly rejected: number;
  };
  readonly substitutions: readonly SubstitutionDecision[];
  readonly updatedAt: string;
}

/** Receipts against POs, with set-aside labels and substitution decisions as they come in. */
export const receiptsProjection = defineProjection<ReceiptRecordedEvent>({
  name: 'receipts',
  version: 1,
  eventTypes: ['PurchaseOrderReceiptRecorded', 'PurchaseOrderSubstitutionResolved'],
  collections: [
    defineCollection<ReceiptRecordedEvent, ReceiptDocument>({
      name: 'receipts',
      indexes: [{ field: 'poId' }, { field: 'vendorId' }, { field: 'receivedAt' }],
      documentIds: (event) => [event.data.receiptId],
      evolve: (receipt, event) => {
        switch (event.type) {
          case 'PurchaseOrderReceiptRecorded':
            return recorded(event);
          case 'PurchaseOrderSubstitutionResolved':
            return receipt && resolved(receipt, event);
        }
      },
    }),
  ],
});

function recorded(
  event: RecordedEvent<'PurchaseOrderReceiptRecorded'> & PurchaseOrderReceiptRecorded,
): ReceiptDocument {
  const { receiptId, poId, poNumber, vendorId, vendorName, lines } = event.data;
  const add = (count: (line: ReceiptLine) => number) => lines.reduce((n, l) => n + count(l), 0);
  const substitutions = lines.flatMap(({ poLineId, substitution }) =>
    substitution
      ? substitution.offered.map((units): SubstitutionDecision => ({
          ...units,
          poLineId,
          product: substitution.product,
          decision: 'pending',
          decidedAt: null,
          decidedBy: null,
          label: null,
          note: null,
        }))
      : [],
  );
  const offered = substitutions.reduce((n, s) => n + s.quantity, 0);
  return {
    id: receiptId,
    receiptId,
    poId,
    poNumber,
    vendorId,
    vendorName,
    receivedAt: event.metadata.occurredAt,
    receivedBy: event.metadata.actor,
    lines: lines.map((line) => ({
      ...line,
      setAside: line.setAside.map((units) => ({
        ...units,
        label: label(units, line.product),
        note: note(units),
      })),
    })),
    totals: {
      received: add((l) => l.quantity),
      setAside: add((l) => l.setAside.reduce((n, u) => n + u.quantity, 0)),
      toStock: add((l) => l.toStock),
      over: add((l) => l.over),
      short: add((l) => l.short),
    },
    substitutes: {
      received: add((l) => l.substitution?.quantity ?? 0),
      offered,
      toStock: add((l) => l.substitution?.toStock ?? 0),
      pending: offered,
      accepted: 0,
      rejected: 0,
    },
    substitutions,
    updatedAt: event.metadata.occurredAt,
  };
}

function resolved(
  receipt: ReceiptDocument,
  event: RecordedEvent<'PurchaseOrderSubstitutionResolved'> & PurchaseOrderSubstitutionResolved,
): ReceiptDocument {
  const { poLineId, allocationId, accepted } = event.data;
  const substitutions = receipt.substitutions.map((s) =>
    s.poLineId === poLineId && s.allocationId === allocationId && s.decision === 'pending'
      ? {
          ...s,
          decision: accepted ? ('accepted' as const) : ('rejected' as const),
          decidedAt: event.metadata.occurredAt,
          decidedBy: event.metadata.actor,
          label: accepted ? label(s, s.product) : null,
          note: accepted ? note(s) : null,
        }
      : s,
  );
  const decided = (decision: SubstitutionDecision['decision']) =>
    substitutions.filter((s) => s.decision === decision).reduce((n, s) => n + s.quantity, 0);
  return {
    ...receipt,
    substitutions,
    substitutes: {
      ...receipt.substitutes,
      pending: decided('pending'),
      accepted: decided('accepted'),
      rejected: decided('rejected'),
    },
    updatedAt: event.metadata.occurredAt,
  };
}

function label(units: SetAsideUnits, product: ProductSnapshot): SetAsideLabel {
  return {
    customerName: units.customerName,
    backorderNumber: units.backorderNumber,
    productName: product.name,
    vendorSku: product.vendorSku,
    quantity: units.quantity,
  };
}

function note(units: SetAsideUnits): string {
  return `Set aside for ${units.customerName}, ${units.backorderNumber}`;
}
