import { Injectable } from '@nestjs/common';
import { OrderStandings, type StandingLine } from '../backorders/order-standing';
import { PurchaseOrderCosts } from '../purchasing/purchase-order-costs';
import { type Money, money } from '../shared/domain/money';
import { BilledCosts } from '../vendor-bills/billed-costs';
import type { InvoiceLine } from './order-account.events';

export type CostSource = 'vendor-bill' | 'purchase-order' | 'catalog';

export interface LineMargin {
  readonly lineId: string;
  /** The locked price less the discount, before tax. */
  readonly revenuePerUnit: Money;
  /** What the units cost: the vendor's bill, else the PO cost, else the catalog cost at placement. */
  readonly costPerUnit: Money;
  readonly costSource: CostSource;
  readonly marginPerUnit: Money;
  /** The margin as a share of the revenue, in basis points. */
  readonly marginBp: number | null;
}

/** A PO line's cost as known: what the vendor billed, else what the PO agreed. */
export interface KnownCost {
  readonly cost: Money;
  readonly source: CostSource;
}

/** Each line's margin at the cost actually paid; the customer's price stays as it was locked. */
export function lineMargins(
  invoice: readonly InvoiceLine[],
  order: readonly StandingLine[],
  costOf: (poId: string, poLineId: string) => KnownCost | null,
): LineMargin[] {
  return invoice.map((line) => {
    const currency = line.unitPrice.currency;
    const revenue = line.unitPrice.amount - line.unitDiscount.amount;
    const standing = order.find((l) => l.lineId === line.lineId);
    const known = (standing?.purchaseOrderLines ?? []).flatMap((p) => {
      const cost = costOf(p.poId, p.poLineId);
      return cost ? [{ ...cost, quantity: p.quantity }] : [];
    });
    const units = known.reduce((n, k) => n + k.quantity, 0);
    const cost =
      units > 0
        ? Math.round(known.reduce((sum, k) => sum + k.quantity * k.cost.amount, 0) / units)
        : (standing?.cost.amount ?? 0);
    const source: CostSource =
      units === 0
        ? 'catalog'
        : known.every((k) => k.source === 'vendor-bill')
          ? 'vendor-bill'
          : 'purchase-order';
    return {
      lineId: line.lineId,
      revenuePerUnit: money(revenue, currency),
      costPerUnit: money(cost, currency),
      costSource: source,
      marginPerUnit: money(revenue - cost, currency),
      marginBp: revenue > 0 ? Math.round(((revenue - cost) * 10_000) / revenue) : null,
    };
  });
}

/** Gathers the costs of the PO lines an order's lines were ordered on, then the margins. */
@Injectable()
export class LineMargins {
  constructor(
    private readonly orders: OrderStandings,
    private readonly purchaseOrders: PurchaseOrderCosts,
    private readonly bills: BilledCosts,
  ) {}

  async of(backorderId: string, invoice: readonly InvoiceLine[]): Promise<LineMargin[]> {
    const order = await this.orders.of(backorderId);
    const poIds = [...new Set(order.lines.flatMap((l) => l.purchaseOrderLines.map((p) => p.poId)))];
    const costs = new Map<string, KnownCost>();
    for (const poId of poIds) {
      const [po, billed] = await Promise.all([
        this.purchaseOrders.of(poId),
        this.bills.ofPurchaseOrder(poId),
      ]);
      for (const line of po.lines) {
        const bill = billed.get(line.poLineId);
        costs.set(
          `${poId}/${line.poLineId}`,
          bill
            ? { cost: bill, source: 'vendor-bill' }
            : { cost: line.unitCost, source: 'purchase-order' },
        );
      }
    }
    return lineMargins(
      invoice,
      order.lines,
      (poId, poLineId) => costs.get(`${poId}/${poLineId}`) ?? null,
    );
  }
}
