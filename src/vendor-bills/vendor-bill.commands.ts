import type { CommandContext } from '../shared/commands/command-context';
import type { Money } from '../shared/domain/money';

export interface BilledLine {
  readonly poLineId: string;
  readonly quantity: number;
  readonly unitCost: Money;
}

/** The vendor's invoice against one PO: billed quantity and unit cost per PO line. */
export class RecordVendorBill {
  readonly kind = 'RecordVendorBill';

  constructor(
    readonly billId: string,
    readonly poId: string,
    readonly vendorInvoiceNumber: string,
    readonly billedOn: string,
    readonly lines: readonly BilledLine[],
    readonly context: CommandContext,
  ) {}
}
