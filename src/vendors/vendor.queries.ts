import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type VendorListing,
  vendorDirectoryProjection,
} from '../../projections/vendors/vendor-directory.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import type { ConsolidationPolicy } from './vendor.events';
import { withoutStorageFields } from '../shared/readmodels/storage-fields';

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
export class GetVendorHandler implements IQueryHandler<GetVendor, VendorAnswer | null> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ vendorId, minPosition }: GetVendor): Promise<VendorAnswer | null> {
    await this.readModels.readYourWrites(vendorDirectoryProjection, minPosition);
    const vendor = await this.readModels
      .collection<VendorListing>(vendorDirectoryProjection, 'vendors')
      .findById(vendorId);
    return vendor && answerOf(vendor);
  }
}

@QueryHandler(ListVendors)
export class ListVendorsHandler implements IQueryHandler<ListVendors, Page<VendorAnswer>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, page, minPosition }: ListVendors): Promise<Page<VendorAnswer>> {
    await this.readModels.readYourWrites(vendorDirectoryProjection, minPosition);
    const vendors = this.readModels.collection<VendorListing>(vendorDirectoryProjection, 'vendors');
    const where = { consolidation: filter.consolidation };
    if (filter.q) {
      const hits = await vendors.search(filter.q, { where, ...page, prefix: true });
      return {
        items: hits.items.map((hit) => answerOf(hit.document)),
        nextCursor: hits.nextCursor,
      };
    }
    const found = await vendors.find({ where, sort: [['sortName', 'asc']], ...page });
    return { items: found.items.map(answerOf), nextCursor: found.nextCursor };
  }
}

/** The vendor as answered: without the directory's sort key. */
function answerOf(vendor: VendorListing): VendorAnswer {
  return withoutStorageFields(vendor, ['sortName']);
}

type VendorAnswer = Omit<VendorListing, 'sortName'>;
