import type { CatalogProduct } from './catalog-comparison';
import type { ImportProfile } from './import-profile';
import type { ImportReview } from './import-review';
import type { StagedRow } from './import-staging.port';

/** What the sheet parsing thread starts with. */
export interface SheetParsingTask {
  readonly vendorId: string;
  readonly profile: ImportProfile;
}

/**
 * The thread asks for every chunk of the upload and waits for `next` after every batch it hands
 * over, so it holds one chunk and one batch at most however fast the upload comes.
 */
export type ToParsingThread =
  | { readonly type: 'chunk'; readonly bytes: Uint8Array }
  | { readonly type: 'end' }
  | { readonly type: 'catalog'; readonly products: readonly CatalogProduct[] }
  | { readonly type: 'next' };

export type FromParsingThread =
  | { readonly type: 'input'; readonly rowsRead: number }
  | { readonly type: 'headers'; readonly headers: string[] }
  | { readonly type: 'staged'; readonly rows: StagedRow[]; readonly rowsRead: number }
  | { readonly type: 'done'; readonly review: ImportReview }
  | { readonly type: 'failed'; readonly message: string; readonly unreadable: boolean };
