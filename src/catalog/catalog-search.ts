import { Injectable } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  catalogProductsProjection,
  type ProductListing,
} from '../../projections/catalog/catalog-products.projection';
import type { Position } from '../shared/eventstore/event-envelope';
import { ReadModels } from '../shared/projections/read-models';
import type { FieldRange, Where } from '../shared/readmodels/read-model-store.port';
import type { RugShape } from './imports/sheet-product';
import { productView, type ProductView, vendorNames } from './product.queries';

export interface CatalogSearchFilter {
  readonly q?: string;
  readonly vendor?: string;
  readonly collection?: string;
  readonly color?: string;
  readonly shape?: RugShape;
  readonly minWidthCm?: number;
  readonly maxWidthCm?: number;
  /** Retail price bounds, in minor units. */
  readonly minPrice?: number;
  readonly maxPrice?: number;
  readonly inStock?: boolean;
}

export class SearchCatalog {
  constructor(
    readonly filter: CatalogSearchFilter,
    readonly page: { readonly limit?: number; readonly cursor?: string },
    readonly minPosition: Position | null,
  ) {}
}

export interface CatalogSearchResult {
  readonly items: (ProductView & { readonly score: number | null })[];
  readonly nextCursor: string | null;
  /** How many of the matching products each vendor and each color has (first page only). */
  readonly facets: {
    readonly vendor: {
      readonly id: string;
      readonly name: string | null;
      readonly count: number;
    }[];
    readonly color: { readonly value: string; readonly count: number }[];
  } | null;
}

/**
 * The counter's search across every vendor: words match name, SKU, collection, design and color,
 * each also as the beginning of a longer word, so results follow the typing; best matches first.
 * Filters narrow by vendor, collection, color, shape, width, price and stock. Only products that
 * can still be ordered are found.
 */
@QueryHandler(SearchCatalog)
@Injectable()
export class SearchCatalogHandler implements IQueryHandler<SearchCatalog, CatalogSearchResult> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, page, minPosition }: SearchCatalog): Promise<CatalogSearchResult> {
    await this.readModels.readYourWrites(catalogProductsProjection, minPosition);
    const products = this.readModels.collection<ProductListing>(
      catalogProductsProjection,
      'products',
    );
    const where = whereOf(filter);
    const text = filter.q?.trim() ? filter.q : undefined;
    const [found, counted] = await Promise.all([
      text
        ? products.search(text, { where, prefix: true, ...page })
        : products
            .find({ where, sort: [['vendorSku', 'asc']], ...page })
            .then(({ items, nextCursor }) => ({
              items: items.map((document) => ({ document, score: null as number | null })),
              nextCursor,
            })),
      // Facets describe the whole result: computed with the first page, not again for each.
      page.cursor
        ? null
        : products.facets(['vendorId', 'color'], { text, prefix: true, where, limit: 50 }),
    ]);
    const names = await vendorNames(this.readModels, [
      ...found.items.map((hit) => hit.document.vendorId),
      ...(counted?.vendorId ?? []).map((facet) => String(facet.value)),
    ]);
    return {
      items: found.items.map(({ document, score }) => ({
        ...productView(document, names.get(document.vendorId) ?? null),
        score,
      })),
      nextCursor: found.nextCursor,
      facets: counted && {
        vendor: counted.vendorId.map(({ value, count }) => ({
          id: String(value),
          name: names.get(String(value)) ?? null,
          count,
        })),
        color: counted.color.map(({ value, count }) => ({ value: String(value), count })),
      },
    };
  }
}

function whereOf(filter: CatalogSearchFilter): Where {
  return {
    status: 'listed',
    vendorId: filter.vendor,
    collectionKey: filter.collection?.trim().toLowerCase(),
    colorKey: filter.color?.trim().toLowerCase(),
    shape: filter.shape,
    widthCm: range(filter.minWidthCm, filter.maxWidthCm),
    price: range(filter.minPrice, filter.maxPrice),
    inStock: filter.inStock,
  };
}

function range(min: number | undefined, max: number | undefined): FieldRange | undefined {
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { gte: min } : {}), ...(max !== undefined ? { lte: max } : {}) };
}
