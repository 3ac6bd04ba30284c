import { isDeepStrictEqual } from 'node:util';
import type { CostedPurchaseOrder } from '../purchasing/purchase-order-costs';
import type { Decider } from '../shared/domain/decider';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { money } from '../shared/domain/money';
import type { BilledLine } from './vendor-bill.commands';
import type { VendorBillEvent, VendorBillLine, VendorBillRecorded } from './vendor-bill.events';

/** The command with the PO as its stream tells it, looked up by the handler. */
export interface VendorBillDecision {
  readonly kind: 'RecordVendorBill';
  readonly billId: string;
  readonly vendorInvoiceNumber: string;
  readonly billedOn: string;
  readonly lines: readonly BilledLine[];
  readonly purchaseOrder: CostedPurchaseOrder;
  readonly currency: string;
}

export type VendorBillState =
  | { readonly status: 'none' }
  | { readonly status: 'recorded'; readonly bill: VendorBillRecorded['data'] };

export const vendorBillDecider: Decider<VendorBillDecision, VendorBillEvent, VendorBillState> = {
  initialState: { status: 'none' },

  evolve(_state, event) {
    return { status: 'recorded', bill: event.data };
  },

  decide(command, state) {
    const po = command.purchaseOrder;
    if (po.status === 'draft') {
      throw new BusinessRuleViolation(
        'purchase-order-not-sent',
        `${po.number} is still a draft: the vendor cannot have billed it`,
      );
    }
    const seen = new Set<string>();
    const lines: VendorBillLine[] = command.lines.map((billed) => {
      const line = po.lines.find((l) => l.poLineId === billed.poLineId);
      if (!line) {
        throw new BusinessRuleViolation(
          'unknown-po-line',
          `${po.number} has no line ${billed.poLineId}`,
        );
      }
      if (seen.has(billed.poLineId)) {
        throw new BusinessRuleViolation(
          'po-line-billed-twice',
          `line ${billed.poLineId} appears twice on the bill`,
        );
      }
      seen.add(billed.poLineId);
      if (billed.quantity > line.quantity) {
        throw new BusinessRuleViolation(
          'billed-above-ordered',
          `line ${billed.poLineId}: ${billed.quantity} billed, ${line.quantity} ordered`,
        );
      }
      const cost = billed.unitCost;
      if (cost.currency !== command.currency || cost.currency !== line.unitCost.currency) {
        throw new BusinessRuleViolation(
          'wrong-currency',
          `line ${billed.poLineId} is billed in ${cost.currency}; the PO is in ${line.unitCost.currency}`,
        );
      }
      if (!Number.isSafeInteger(cost.amount) || cost.amount < 0) {
        throw new BusinessRuleViolation(
          'amount-not-whole-minor-units',
          `line ${billed.poLineId}: the unit cost must be a whole, non-negative number of cents`,
        );
      }
      return {
        poLineId: billed.poLineId,
        productId: line.productId,
        quantity: billed.quantity,
        poUnitCost: line.unitCost,
        billedUnitCost: cost,
      };
    });
    const bill: VendorBillRecorded['data'] = {
      billId: command.billId,
      vendorId: po.vendorId,
      poId: po.poId,
      poNumber: po.number,
      vendorInvoiceNumber: command.vendorInvoiceNumber,
      billedOn: command.billedOn,
      lines,
      total: money(
        lines.reduce((sum, l) => sum + l.quantity * l.billedUnitCost.amount, 0),
        command.currency,
      ),
    };
    if (state.status === 'recorded') {
      // The same vendor invoice recorded again (its id follows from PO and invoice number).
      if (isDeepStrictEqual(state.bill, bill)) return [];
      throw new BusinessRuleViolation(
        'vendor-bill-already-recorded',
        `vendor invoice ${command.vendorInvoiceNumber} on ${po.number} is already recorded with other figures`,
      );
    }
    return [{ type: 'VendorBillRecorded', data: bill }];
  },
};
