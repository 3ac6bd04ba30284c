import { useState } from 'preact/hooks';
import { get, withQuery } from '../api';
import { money } from '../format';
import type { CatalogPage, Product } from '../model';
import { Dialog, ErrorNote, Field, ProductImage, useDebounced, useLoad } from '../ui';

/**
 * Search across every vendor's catalog as you type (words, vendor, color, size), with thumbnails
 * and a large picture on demand. `pickLabel` names what choosing a product does.
 */
export function ProductSearch({
  onPick,
  pickLabel,
  idPrefix,
}: {
  onPick: (p: Product) => void;
  pickLabel: string;
  idPrefix: string;
}) {
  const [words, setWords] = useState('');
  const [vendor, setVendor] = useState('');
  const [color, setColor] = useState('');
  const [inStock, setInStock] = useState(false);
  const [viewing, setViewing] = useState<Product | null>(null);
  const q = useDebounced(words.trim(), 120);
  const search = useLoad(
    async (signal) =>
      q || vendor || color || inStock
        ? {
            q,
            page: await get<CatalogPage>(
              withQuery('/catalog/search', {
                q,
                vendor,
                color,
                inStock: inStock || undefined,
                limit: 12,
              }),
              { signal },
            ),
          }
        : null,
    [q, vendor, color, inStock],
  );
  const page = { ...search, data: search.data?.page ?? null };
  const [facets, setFacets] = useState<CatalogPage['facets']>();
  if (page.data?.facets && page.data.facets !== facets && !vendor && !color)
    setFacets(page.data.facets);
  return (
    <section class="product-search" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>Find the product</h2>
      <form role="search" class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field
          label="Words, SKU or size"
          type="search"
          value={words}
          onValue={setWords}
          autoComplete="off"
          hint="e.g. heriz navy 8x10"
        />
        <div class="field">
          <label for={`${idPrefix}-vendor`}>Vendor</label>
          <select
            id={`${idPrefix}-vendor`}
            value={vendor}
            onChange={(e) => setVendor((e.target as HTMLSelectElement).value)}
          >
            <option value="">Any vendor</option>
            {(facets?.vendor ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({f.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${idPrefix}-color`}>Color</label>
          <select
            id={`${idPrefix}-color`}
            value={color}
            onChange={(e) => setColor((e.target as HTMLSelectElement).value)}
          >
            <option value="">Any color</option>
            {(facets?.color ?? []).map((f) => (
              <option key={f.value} value={f.value}>
                {f.value} ({f.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <input
            id={`${idPrefix}-stock`}
            type="checkbox"
            checked={inStock}
            onChange={(e) => setInStock((e.target as HTMLInputElement).checked)}
          />
          <label for={`${idPrefix}-stock`}>In stock only</label>
        </div>
      </form>
      <ErrorNote error={page.error} />
      {/* data-results-for: which words the shown results answer (the counter benchmark waits on it). */}
      <div aria-live="polite" aria-busy={page.loading} data-results-for={search.data?.q}>
        {page.data && (
          <p class="count" data-testid="result-count">
            {page.data.items.length === 0
              ? 'No product found'
              : `${page.data.items.length}${page.data.nextCursor ? '+' : ''} product${page.data.items.length === 1 && !page.data.nextCursor ? '' : 's'}`}
          </p>
        )}
        <ul class="product-grid">
          {(page.data?.items ?? []).map((product) => (
            <li key={product.id} class="card product">
              <button
                type="button"
                class="image-button"
                onClick={() => setViewing(product)}
                aria-label={`Larger picture of ${product.name} ${product.size ?? ''}`}
              >
                <ProductImage
                  images={product.images}
                  variant="thumbnail"
                  alt={product.name}
                  class="thumb"
                />
              </button>
              <div class="product-text">
                <strong>{product.name}</strong>
                <span>{[product.size, product.color].filter(Boolean).join(' · ')}</span>
                <small>
                  {product.vendorName} · {product.vendorSku}
                </small>
                <span class="price">{money(product.retailPrice)}</span>
                {product.onHand - product.reserved > 0 && (
                  <span class="badge in-stock">In stock: {product.onHand - product.reserved}</span>
                )}
              </div>
              <button
                type="button"
                class="primary"
                onClick={() => onPick(product)}
                aria-label={`${pickLabel}: ${product.name} ${product.size ?? ''} ${product.vendorSku}`}
              >
                {pickLabel}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <Dialog
        title={viewing ? `${viewing.name} ${viewing.size ?? ''}` : ''}
        open={viewing !== null}
        onClose={() => setViewing(null)}
      >
        {viewing && (
          <div class="large-view">
            <ProductImage
              images={viewing.images}
              variant="medium"
              alt={viewing.name}
              class="large"
            />
            <dl class="facts">
              <dt>Vendor</dt>
              <dd>{viewing.vendorName}</dd>
              <dt>SKU</dt>
              <dd>{viewing.vendorSku}</dd>
              <dt>Collection</dt>
              <dd>{viewing.collection}</dd>
              <dt>Color</dt>
              <dd>{viewing.color}</dd>
              <dt>Material</dt>
              <dd>{viewing.material}</dd>
              <dt>Price</dt>
              <dd>{money(viewing.retailPrice)}</dd>
            </dl>
          </div>
        )}
      </Dialog>
    </section>
  );
}
