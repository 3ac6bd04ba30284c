import { Injectable } from '@nestjs/common';
import {
  type VendorBillListing,
  vendorBillsProjection,
} from '../../projections/vendor-bills/vendor-bills.projection';
import type { Money } from '../shared/domain/money';
import { ReadModels } from '../shared/projections/read-models';

/**
 * What the vendor actually charged per unit on each line of a PO, from the bills recorded so far
 * (the latest bill of a line wins). The read port margins are computed with.
 */
@Injectable()
export class BilledCosts {
  constructor(private readonly readModels: ReadModels) {}

  async ofPurchaseOrder(poId: string): Promise<ReadonlyMap<string, Money>> {
    const bills = await this.readModels
      .collection<VendorBillListing>(vendorBillsProjection, 'bills')
      .find({ where: { poId }, sort: [['billedOn', 'asc']], limit: 1000 });
    const costs = new Map<string, Money>();
    for (const bill of bills.items) {
      for (const line of bill.lines) costs.set(line.poLineId, line.billedUnitCost);
    }
    return costs;
  }
}
