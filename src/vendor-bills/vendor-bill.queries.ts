import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type VendorBillListing,
  vendorBillsProjection,
} from '../../projections/vendor-bills/vendor-bills.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';

export class ListVendorBills {
  constructor(
    readonly poId: string,
    readonly minPosition: Position | null,
  ) {}
}

@QueryHandler(ListVendorBills)
export class ListVendorBillsHandler implements IQueryHandler<ListVendorBills, VendorBillListing[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ poId, minPosition }: ListVendorBills): Promise<VendorBillListing[]> {
    await this.readModels.readYourWrites(vendorBillsProjection, minPosition);
    const page = await this.readModels
      .collection<VendorBillListing>(vendorBillsProjection, 'bills')
      .find({ where: { poId }, sort: [['billedOn', 'asc']], limit: 1000 });
    return page.items;
  }
}
