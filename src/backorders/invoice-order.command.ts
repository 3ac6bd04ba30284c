import type { CommandContext } from '../shared/commands/command-context';
import type { Money } from '../shared/domain/money';

/**
 * Invoice a just-placed backorder: its lines at their prices, less these per-line discounts.
 * Backorders issues it in the placement request (so the account reads right after placing);
 * the payments feature, which keeps order accounts, handles it. It lives here, with the feature
 * that sends it, so that backorders needs nothing from payments.
 */
export class InvoiceOrder {
  readonly kind = 'InvoiceOrder';

  constructor(
    readonly backorderId: string,
    /** Discount per unit by line id; lines not named get none. */
    readonly unitDiscounts: Readonly<Record<string, Money>>,
    readonly context: CommandContext,
  ) {}
}
