import { isDeepStrictEqual } from 'node:util';
import { BusinessRuleViolation } from '../shared/domain/domain-errors';
import { money } from '../shared/domain/money';
import type { AdjustDecision, InvoiceDecision } from './order-account.decisions';
import type { InvoiceLine, OrderAccountEvent } from './order-account.events';
import type { OrderAccountState } from './order-account.state';
import { isTaxRate, unitTax } from './sales-tax';

/** The invoice of a placed order: each line's price, discount and tax at the store's rate. */
export function decideInvoice(
  command: InvoiceDecision,
  state: OrderAccountState,
): OrderAccountEvent[] {
  const { invoice } = command;
  if (!isTaxRate(invoice.taxRateBp)) {
    throw new BusinessRuleViolation(
      'tax-rate-out-of-range',
      `the tax rate must be a whole number of basis points from 0 to 10000, not ${invoice.taxRateBp}`,
    );
  }
  const rate = invoice.taxExempt ? 0 : invoice.taxRateBp;
  const lines: InvoiceLine[] = invoice.lines.map((line) => {
    for (const [what, amount] of [
      ['price', line.unitPrice],
      ['discount', line.unitDiscount],
    ] as const) {
      if (amount.currency !== invoice.currency) {
        throw new BusinessRuleViolation(
          'wrong-currency',
          `line ${line.lineId}: the ${what} is in ${amount.currency}, the store invoices in ${invoice.currency}`,
        );
      }
      if (!Number.isSafeInteger(amount.amount) || amount.amount < 0) {
        throw new BusinessRuleViolation(
          'amount-not-whole-minor-units',
          `line ${line.lineId}: the ${what} must be a whole, non-negative number of minor units`,
        );
      }
    }
    if (line.unitDiscount.amount > line.unitPrice.amount) {
      throw new BusinessRuleViolation(
        'discount-above-price',
        `line ${line.lineId}: a discount of ${line.unitDiscount.amount} is more than the price ${line.unitPrice.amount}`,
      );
    }
    const net = line.unitPrice.amount - line.unitDiscount.amount;
    return { ...line, unitTax: money(unitTax(net, rate), invoice.currency) };
  });
  const event: OrderAccountEvent = { type: 'OrderInvoiced', data: { ...invoice, lines } };
  if (state.status === 'invoiced') {
    // A retried placement invoices again with the same figures: already done.
    if (isDeepStrictEqual(invoiceOf(state), invoiceOf(event.data))) return [];
    throw new BusinessRuleViolation(
      'order-already-invoiced',
      `order ${invoice.backorderNumber} is already invoiced`,
    );
  }
  return [event];
}

/** The invoice follows the order: a line's quantity as it is now (0 once cancelled). */
export function decideAdjustment(
  command: AdjustDecision,
  state: OrderAccountState,
): OrderAccountEvent[] {
  // An order placed before invoicing existed has nothing to follow.
  if (state.status !== 'invoiced') return [];
  const line = state.lines.find((l) => l.lineId === command.lineId);
  if (!line || line.quantity === command.quantity) return [];
  return [
    {
      type: 'InvoiceLineAdjusted',
      data: {
        backorderId: command.backorderId,
        lineId: command.lineId,
        quantity: command.quantity,
        reason: command.reason,
      },
    },
  ];
}

/** Compares invoices on their first figures, not on later adjustments of quantities. */
function invoiceOf(invoice: {
  readonly taxRateBp: number;
  readonly taxExempt: boolean;
  readonly lines: readonly InvoiceLine[];
}) {
  return {
    taxRateBp: invoice.taxRateBp,
    taxExempt: invoice.taxExempt,
    lines: invoice.lines.map(({ lineId, unitPrice, unitDiscount, unitTax: tax }) => ({
      lineId,
      unitPrice,
      unitDiscount,
      tax,
    })),
  };
}
