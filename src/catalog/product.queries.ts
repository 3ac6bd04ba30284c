import { Injectable } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type CatalogVendor,
  catalogProductsProjection,
  type ProductListing,
} from '../../projections/catalog/catalog-products.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { Page } from '../shared/readmodels/read-model-store.port';
import { withoutStorageFields } from '../shared/readmodels/storage-fields';

/** A product as the API shows it: the listing with its vendor's name. */
/** A product as answered: with its vendor's name, without the folded keys kept for filtering. */
export type ProductView = Omit<ProductListing, StorageField> & {
  readonly vendorName: string | null;
};
type StorageField = 'collectionKey' | 'colorKey';
const STORAGE_FIELDS: readonly StorageField[] = ['collectionKey', 'colorKey'];

/** The answer for one stored product, given its vendor's name. */
export function productView(product: ProductListing, vendorName: string | null): ProductView {
  return { ...withoutStorageFields(product, STORAGE_FIELDS), vendorName };
}

export class GetProduct {
  constructor(
    readonly productId: string,
    readonly minPosition: Position | null,
  ) {}
}

export class ListProducts {
  constructor(
    readonly filter: { readonly q?: string; readonly vendorId?: string },
    readonly page: { readonly limit?: number; readonly cursor?: string },
    readonly minPosition: Position | null,
  ) {}
}

/** The catalog read model, with vendor names joined from the same projection. */
@Injectable()
abstract class CatalogReader {
  constructor(protected readonly readModels: ReadModels) {}

  protected products() {
    return this.readModels.collection<ProductListing>(catalogProductsProjection, 'products');
  }

  protected async withVendorNames(products: readonly ProductListing[]): Promise<ProductView[]> {
    const names = await vendorNames(
      this.readModels,
      products.map((p) => p.vendorId),
    );
    return products.map((p) => productView(p, names.get(p.vendorId) ?? null));
  }
}

/** Vendor names by id, from the catalog projection's own copy (null for an unknown id). */
export async function vendorNames(
  readModels: ReadModels,
  vendorIds: readonly string[],
): Promise<Map<string, string | null>> {
  const vendors = readModels.collection<CatalogVendor>(
    catalogProductsProjection,
    'catalog_vendors',
  );
  const ids = [...new Set(vendorIds)];
  const found = await Promise.all(ids.map((id) => vendors.findById(id)));
  return new Map(ids.map((id, i) => [id, found[i]?.name ?? null]));
}

@QueryHandler(GetProduct)
export class GetProductHandler
  extends CatalogReader
  implements IQueryHandler<GetProduct, ProductView | null>
{
  async execute({ productId, minPosition }: GetProduct): Promise<ProductView | null> {
    await this.readModels.readYourWrites(catalogProductsProjection, minPosition);
    const product = await this.products().findById(productId);
    return product && (await this.withVendorNames([product]))[0];
  }
}

@QueryHandler(ListProducts)
export class ListProductsHandler
  extends CatalogReader
  implements IQueryHandler<ListProducts, Page<ProductView>>
{
  async execute({ filter, page, minPosition }: ListProducts): Promise<Page<ProductView>> {
    await this.readModels.readYourWrites(catalogProductsProjection, minPosition);
    const where = { vendorId: filter.vendorId };
    if (filter.q) {
      const hits = await this.products().search(filter.q, { where, ...page });
      const items = await this.withVendorNames(hits.items.map((hit) => hit.document));
      return { items, nextCursor: hits.nextCursor };
    }
    const found = await this.products().find({ where, sort: [['vendorSku', 'asc']], ...page });
    return { items: await this.withVendorNames(found.items), nextCursor: found.nextCursor };
  }
}
