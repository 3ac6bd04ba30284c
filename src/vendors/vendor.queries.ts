import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type VendorListing,
  vendorDirectoryProjection,
} from '../../projections/vendors/vendor-directory.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import type { ConsolidationPolicy } from './vendor.events';

export class GetVendor {
  constructor(
    readonly vendorId: string,
    readonly minPosition: Position | null,
  ) {}
}

export class ListVendors {
  constructor(
    readonly filter: { readonly q?: string; readonly consolidation?: ConsolidationPolicy },
    readonly page: { readonly limit?: number; readonly cursor?: string },
    readonly minPosition: Position | null,
  ) {}
}

@QueryHandler(GetVendor)
export class GetVendorHandler implements IQueryHandler<GetVendor, VendorListing | null> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ vendorId, minPosition }: GetVendor): Promise<VendorListing | null> {
    await this.readModels.readYourWrites(vendorDirectoryProjection, minPosition);
    return this.readModels
      .collection<VendorListing>(vendorDirectoryProjection, 'vendors')
      .findById(vendorId);
  }
}

@QueryHandler(ListVendors)
export class ListVendorsHandler implements IQueryHandler<ListVendors, Page<VendorListing>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, page, minPosition }: ListVendors): Promise<Page<VendorListing>> {
    await this.readModels.readYourWrites(vendorDirectoryProjection, minPosition);
    const vendors = this.readModels.collection<VendorListing>(vendorDirectoryProjection, 'vendors');
    const where = { consolidation: filter.consolidation };
    if (filter.q) {
      const hits = await vendors.search(filter.q, { where, ...page });
      return { items: hits.items.map((hit) => hit.document), nextCursor: hits.nextCursor };
    }
    return vendors.find({ where, sort: [['sortName', 'asc']], ...page });
  }
}
