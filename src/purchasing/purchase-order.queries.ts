import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderedMap } from 'immutable';
import {
  type PurchaseOrderAllocationDocument,
  type PurchaseOrderAllocationView,
  type PurchaseOrderDocument,
  type PurchaseOrderLineWithAllocations,
  purchaseOrdersProjection,
  type StoredPurchaseOrder,
  withAllocations,
} from '../../projections/purchasing/purchase-orders.projection';
import {
  type ReceiptDocument,
  receiptsProjection,
} from '../../projections/purchasing/receipts.projection';
import type { ProductSnapshot } from '../catalog/product-snapshot';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { type AllocationOrder, waitingInOrder } from './purchase-order-line';
import type { PurchaseOrderStatus } from './purchase-order.events';

/** The statuses in which the decider accepts a receipt. */
const RECEIVABLE: readonly PurchaseOrderStatus[] = [
  'submitted',
  'acknowledged',
  'partially-received',
];

export class GetPurchaseOrder {
  constructor(
    readonly poId: string,
    readonly minPosition: Position | null,
  ) {}
}

export class ListPurchaseOrders {
  constructor(
    readonly filter: {
      readonly vendorId?: string;
      readonly status?: PurchaseOrderStatus;
      /** Words of the PO number or vendor name; results then come best match first. */
      readonly q?: string;
    },
    readonly page: { readonly limit?: number; readonly cursor?: string },
    readonly minPosition: Position | null,
  ) {}
}

/** The draft POs collecting lines now, per vendor (one vendor with `vendorId`). */
export class ListOpenDrafts {
  constructor(
    readonly vendorId: string | null,
    readonly minPosition: Position | null,
  ) {}
}

export class GetReceivingView {
  constructor(
    readonly poId: string,
    readonly minPosition: Position | null,
  ) {}
}

export class GetReceipt {
  constructor(
    readonly receiptId: string,
    readonly minPosition: Position | null,
  ) {}
}

export interface VendorDrafts {
  readonly vendorId: string;
  readonly vendorName: string;
  /** Oldest first. */
  readonly drafts: StoredPurchaseOrder[];
}

/** Units of a PO line the next receipt sets aside for one customer line. */
export interface ReceivingCustomer {
  readonly allocationId: string;
  readonly backorderId: string;
  readonly backorderNumber: string;
  readonly lineId: string;
  readonly customerName: string;
  readonly quantity: number;
  readonly placedAt: string;
  readonly priority: number;
}

export interface ReceivingLine {
  readonly poLineId: string;
  readonly product: ProductSnapshot;
  readonly ordered: number;
  readonly received: number;
  readonly expected: number;
  readonly eta: string | null;
  /** In the order arriving units go to them. */
  readonly forCustomers: ReceivingCustomer[];
  /** Customers deciding on a substitute: arriving units skip them until they decide. */
  readonly awaitingSubstituteDecision: ReceivingCustomer[];
  readonly forStock: number;
}

/** The receiving desk's view of a PO: what is still to come, and for whom. */
export interface ReceivingView {
  readonly poId: string;
  readonly number: string;
  readonly vendorId: string;
  readonly vendorName: string;
  readonly status: PurchaseOrderStatus;
  readonly receivable: boolean;
  /** The store's ALLOCATION_ORDER setting: oldest order first (default) or by order priority. */
  readonly allocationOrder: AllocationOrder;
  /** Lines not cancelled. */
  readonly lines: ReceivingLine[];
}

@QueryHandler(GetPurchaseOrder)
export class GetPurchaseOrderHandler implements IQueryHandler<
  GetPurchaseOrder,
  PurchaseOrderDocument | null
> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ poId, minPosition }: GetPurchaseOrder): Promise<PurchaseOrderDocument | null> {
    await this.readModels.readYourWrites(purchaseOrdersProjection, minPosition);
    return withCustomers(this.readModels, poId);
  }
}

@QueryHandler(ListPurchaseOrders)
export class ListPurchaseOrdersHandler implements IQueryHandler<
  ListPurchaseOrders,
  Page<StoredPurchaseOrder>
> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({
    filter,
    page,
    minPosition,
  }: ListPurchaseOrders): Promise<Page<StoredPurchaseOrder>> {
    await this.readModels.readYourWrites(purchaseOrdersProjection, minPosition);
    const orders = purchaseOrders(this.readModels);
    const where = { vendorId: filter.vendorId, status: filter.status };
    if (filter.q) {
      const hits = await orders.search(filter.q, { where, ...page });
      return { items: hits.items.map((hit) => hit.document), nextCursor: hits.nextCursor };
    }
    return orders.find({ where, sort: [['openedAt', 'desc']], ...page });
  }
}

@QueryHandler(ListOpenDrafts)
export class ListOpenDraftsHandler implements IQueryHandler<ListOpenDrafts, VendorDrafts[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ vendorId, minPosition }: ListOpenDrafts): Promise<VendorDrafts[]> {
    await this.readModels.readYourWrites(purchaseOrdersProjection, minPosition);
    const orders = purchaseOrders(this.readModels);
    const byVendor = new Map<string, VendorDrafts>();
    // Drafts are few (one per vendor and consolidation window), so all of them are read.
    let cursor: string | null = null;
    do {
      const page: Page<StoredPurchaseOrder> = await orders.find({
        where: { status: 'draft', vendorId: vendorId ?? undefined },
        sort: [['openedAt', 'asc']],
        limit: 1000,
        cursor,
      });
      for (const po of page.items) {
        const entry = byVendor.get(po.vendorId) ?? {
          vendorId: po.vendorId,
          vendorName: po.vendorName,
          drafts: [],
        };
        entry.drafts.push(po);
        byVendor.set(po.vendorId, entry);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return [...byVendor.values()].sort((a, b) => a.vendorName.localeCompare(b.vendorName, 'en'));
  }
}

@QueryHandler(GetReceivingView)
export class GetReceivingViewHandler implements IQueryHandler<
  GetReceivingView,
  ReceivingView | null
> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ poId, minPosition }: GetReceivingView): Promise<ReceivingView | null> {
    await this.readModels.readYourWrites(purchaseOrdersProjection, minPosition);
    const po = await withCustomers(this.readModels, poId);
    return po && receivingView(po, this.config.store.allocationOrder);
  }
}

@QueryHandler(GetReceipt)
export class GetReceiptHandler implements IQueryHandler<GetReceipt, ReceiptDocument | null> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ receiptId, minPosition }: GetReceipt): Promise<ReceiptDocument | null> {
    await this.readModels.readYourWrites(receiptsProjection, minPosition);
    return this.readModels
      .collection<ReceiptDocument>(receiptsProjection, 'receipts')
      .findById(receiptId);
  }
}

export const purchaseOrderQueryHandlers = [
  GetPurchaseOrderHandler,
  ListPurchaseOrdersHandler,
  ListOpenDraftsHandler,
  GetReceivingViewHandler,
  GetReceiptHandler,
];

/**
 * What a receipt would do with the units still due, worked out as the decider's receiptLine does:
 * customers whose substitute offer awaits a decision are skipped; whatever no customer waits for is
 * stock.
 */
export function receivingView(po: PurchaseOrderDocument, order: AllocationOrder): ReceivingView {
  return {
    poId: po.id,
    number: po.number,
    vendorId: po.vendorId,
    vendorName: po.vendorName,
    status: po.status,
    receivable: RECEIVABLE.includes(po.status),
    allocationOrder: order,
    lines: po.lines.filter((l) => !l.cancelled).map((line) => receivingLine(line, order)),
  };
}

function receivingLine(
  line: PurchaseOrderLineWithAllocations,
  order: AllocationOrder,
): ReceivingLine {
  // The decider's own ordering, so the desk sees units go exactly where the receipt sends them.
  const waiting = waitingInOrder(
    {
      ...line,
      allocations: OrderedMap(line.allocations.map((a) => [a.allocationId, a])),
    },
    order,
  );
  const forCustomers = waiting.map((a) => customer(a, a.outstanding - a.offered));
  return {
    poLineId: line.poLineId,
    product: line.product,
    ordered: line.quantity,
    received: line.received,
    expected: line.outstanding,
    eta: line.eta,
    forCustomers,
    awaitingSubstituteDecision: line.allocations
      .filter((a) => a.offered > 0)
      .map((a) => customer(a, a.offered)),
    forStock: Math.max(0, line.outstanding - forCustomers.reduce((n, c) => n + c.quantity, 0)),
  };
}

function customer(allocation: PurchaseOrderAllocationView, quantity: number): ReceivingCustomer {
  const { allocationId, backorderId, backorderNumber, lineId, customerName, placedAt, priority } =
    allocation;
  return {
    allocationId,
    backorderId,
    backorderNumber,
    lineId,
    customerName,
    quantity,
    placedAt,
    priority,
  };
}

function purchaseOrders(readModels: ReadModels) {
  return readModels.collection<StoredPurchaseOrder>(purchaseOrdersProjection, 'purchase_orders');
}

/** The PO with every customer line it serves: allocations are stored apart, one by one. */
async function withCustomers(
  readModels: ReadModels,
  poId: string,
): Promise<PurchaseOrderDocument | null> {
  const po = await purchaseOrders(readModels).findById(poId);
  if (!po) return null;
  const allocations = readModels.collection<PurchaseOrderAllocationDocument>(
    purchaseOrdersProjection,
    'purchase_order_allocations',
  );
  const found: PurchaseOrderAllocationDocument[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<PurchaseOrderAllocationDocument> = await allocations.find({
      where: { poId },
      limit: 1000,
      cursor,
    });
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return withAllocations(po, found);
}
