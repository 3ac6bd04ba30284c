import { useEffect, useState } from 'preact/hooks';
import { get, newKey, post, upload, withQuery } from '../api';
import { money } from '../format';
import type { Page } from '../model';
import { ErrorNote, fieldError, ProgressBar, useLoad } from '../ui';

interface Vendor {
  readonly id: string;
  readonly name: string;
}

interface ImportView {
  readonly id: string;
  readonly fileName: string;
  readonly status: 'receiving' | 'reviewed' | 'failed' | 'applying' | 'applied';
  readonly failure: string | null;
  readonly progress: {
    bytesReceived: number;
    rowsRead: number;
    rowsPerSecond: number;
    applied: number;
    toApply: number;
  };
  readonly review: {
    rows: number;
    valid: number;
    invalid: number;
    new: number;
    costChanged: number;
    priceChanged: number;
    detailsChanged: number;
    unchanged: number;
    missing: number;
  } | null;
}

interface PriceChange {
  readonly old: { amount: number; currency: string };
  readonly new: { amount: number; currency: string };
  readonly percent: number | null;
}

interface Change {
  readonly rowNumber: number | null;
  readonly vendorSku: string | null;
  readonly kind: string;
  readonly reason: string | null;
  readonly product: { name?: string; size?: string | null } | null;
  readonly cost: PriceChange | null;
  readonly retailPrice: PriceChange | null;
  readonly details: Record<string, { old: unknown; new: unknown }> | null;
}

/** Review kinds in the order staff read them, with the review's count of each. */
const KINDS: {
  kind: string;
  title: string;
  count: (r: NonNullable<ImportView['review']>) => number;
  applies: boolean;
}[] = [
  { kind: 'new', title: 'New', count: (r) => r.new, applies: true },
  { kind: 'price', title: 'Price changed', count: (r) => r.priceChanged, applies: true },
  { kind: 'cost', title: 'Cost changed', count: (r) => r.costChanged, applies: true },
  { kind: 'details', title: 'Details changed', count: (r) => r.detailsChanged, applies: true },
  {
    kind: 'missing',
    title: 'Discontinued (not in the sheet)',
    count: (r) => r.missing,
    applies: true,
  },
  { kind: 'invalid', title: 'Invalid rows', count: (r) => r.invalid, applies: false },
  { kind: 'unchanged', title: 'Unchanged', count: (r) => r.unchanged, applies: false },
];

const POLL_MS = 400;

/** Upload a vendor's price sheet, watch it being read, review what would change, apply. */
export function Imports() {
  const vendors = useLoad(
    (signal) => get<Page<Vendor>>(withQuery('/vendors', { limit: 100 }), { signal }),
    [],
  );
  const [vendorId, setVendorId] = useState('');
  const profiles = useLoad(
    (signal) =>
      vendorId
        ? get<{ items: { name: string }[] }>(`/vendors/${vendorId}/import-profiles`, { signal })
        : Promise.resolve(null),
    [vendorId],
  );
  const [profile, setProfile] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<ImportView | null>(null);

  useEffect(() => {
    if (profiles.data?.items.length && !profiles.data.items.some((p) => p.name === profile))
      setProfile(profiles.data.items[0].name);
  }, [profiles.data]);

  // Live progress: the import is read again until it stops moving.
  const moving =
    importId !== null &&
    (view === null || view.status === 'receiving' || view.status === 'applying');
  useEffect(() => {
    if (!moving || !importId) return;
    let stopped = false;
    const timer = setInterval(() => {
      get<ImportView>(`/catalog/imports/${importId}`).then(
        (next) => !stopped && setView(next),
        // 404 until the upload's first bytes are recorded.
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [moving, importId]);

  const start = async () => {
    if (!file) return;
    const id = newKey();
    setError(null);
    setView(null);
    setSent({ sent: 0, total: file.size });
    setImportId(id);
    const form = new FormData();
    form.append('vendorId', vendorId);
    form.append('profile', profile);
    form.append('file', file, file.name);
    try {
      const answer = await upload<ImportView>(
        '/catalog/imports',
        form,
        { 'x-import-id': id },
        (s, total) => setSent({ sent: s, total }),
      );
      setView(answer);
    } catch (e) {
      setError(e);
      setImportId(null);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Catalog imports</h1>
      <form
        class="card"
        aria-label="Upload a price sheet"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <div class="row">
          <div class="field">
            <label for="import-vendor">Vendor</label>
            <select
              id="import-vendor"
              required
              value={vendorId}
              onChange={(e) => setVendorId((e.target as HTMLSelectElement).value)}
              aria-invalid={fieldError(error, 'vendorId') ? true : undefined}
            >
              <option value="">Choose…</option>
              {(vendors.data?.items ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
            {fieldError(error, 'vendorId') && (
              <small class="error">{fieldError(error, 'vendorId')}</small>
            )}
          </div>
          <div class="field">
            <label for="import-profile">Sheet layout (profile)</label>
            <select
              id="import-profile"
              required
              value={profile}
              onChange={(e) => setProfile((e.target as HTMLSelectElement).value)}
            >
              {(profiles.data?.items ?? []).map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
            {vendorId && profiles.data?.items.length === 0 && (
              <small class="error">This vendor has no saved profile yet.</small>
            )}
            {fieldError(error, 'profile') && (
              <small class="error">{fieldError(error, 'profile')}</small>
            )}
          </div>
          <div class="field">
            <label for="import-file">Price sheet (CSV or JSON Lines)</label>
            <input
              id="import-file"
              type="file"
              required
              accept=".csv,.txt,.tsv,.jsonl,.json,text/csv"
              onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
            />
            {fieldError(error, 'file') && <small class="error">{fieldError(error, 'file')}</small>}
          </div>
        </div>
        <button type="submit" class="primary" disabled={!file || !vendorId || !profile || moving}>
          Upload and review
        </button>
        <ErrorNote error={error} />
      </form>
      {importId && <ImportProgress view={view} sent={sent} />}
      {view?.review && view.status !== 'receiving' && <Review view={view} onApplied={setView} />}
    </>
  );
}

function ImportProgress({
  view,
  sent,
}: {
  view: ImportView | null;
  sent: { sent: number; total: number } | null;
}) {
  if (view?.status === 'failed')
    return (
      <p class="error" role="alert">
        The sheet could not be read: {view.failure}
      </p>
    );
  if (!view || view.status === 'receiving') {
    const rows = view?.progress.rowsRead ?? 0;
    return (
      <ProgressBar
        label="Reading the sheet"
        value={sent?.sent ?? 0}
        max={sent?.total || null}
        detail={`${kb(sent?.sent ?? 0)} of ${kb(sent?.total ?? 0)} sent · ${rows.toLocaleString()} rows read${view?.progress.rowsPerSecond ? ` · ${Math.round(view.progress.rowsPerSecond).toLocaleString()} rows/s` : ''}`}
      />
    );
  }
  if (view.status === 'applying' || view.status === 'applied') {
    const { applied, toApply } = view.progress;
    return (
      <ProgressBar
        label={view.status === 'applied' ? 'Applied' : 'Applying to the catalog'}
        value={applied}
        max={toApply || 1}
        detail={`${applied.toLocaleString()} of ${toApply.toLocaleString()} products`}
      />
    );
  }
  return null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} kB`;

function Review({ view, onApplied }: { view: ImportView; onApplied: (v: ImportView) => void }) {
  const review = view.review!;
  const [kind, setKind] = useState(KINDS.find((k) => k.count(review) > 0)?.kind ?? 'new');
  const [chosen, setChosen] = useState<Record<string, boolean>>({
    new: true,
    price: true,
    cost: true,
    details: true,
    missing: false,
  });
  const [error, setError] = useState<unknown>(null);
  const rows = useLoad(
    (signal) =>
      get<Page<Change>>(withQuery(`/catalog/imports/${view.id}/changes`, { kind, limit: 50 }), {
        signal,
      }),
    [view.id, kind],
  );
  const appliable = view.status === 'reviewed';
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">
        Review of {view.fileName}: {review.rows.toLocaleString()} rows
      </h2>
      <div role="tablist" aria-label="Kinds of change" class="tabs">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="tab"
            id={`tab-${k.kind}`}
            aria-selected={kind === k.kind}
            aria-controls="review-rows"
            onClick={() => setKind(k.kind)}
          >
            {k.title} <span class="badge">{k.count(review).toLocaleString()}</span>
          </button>
        ))}
      </div>
      <div id="review-rows" role="tabpanel" aria-labelledby={`tab-${kind}`} tabIndex={0}>
        <ErrorNote error={rows.error} />
        <table class="lines">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">SKU</th>
              <th scope="col">Product</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {(rows.data?.items ?? []).map((row, i) => (
              <tr key={`${row.rowNumber}-${row.vendorSku}-${i}`}>
                <td>{row.rowNumber ?? ''}</td>
                <td>{row.vendorSku}</td>
                <td>
                  {row.product?.name} {row.product?.size}
                </td>
                <td>{describe(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.data?.nextCursor && <p class="hint">The first 50 shown.</p>}
      </div>
      {appliable && (
        <fieldset class="card">
          <legend>Apply</legend>
          {KINDS.filter((k) => k.applies).map((k) => (
            <div class="field checkbox" key={k.kind}>
              <input
                id={`apply-${k.kind}`}
                type="checkbox"
                checked={chosen[k.kind]}
                onChange={(e) =>
                  setChosen({ ...chosen, [k.kind]: (e.target as HTMLInputElement).checked })
                }
              />
              <label for={`apply-${k.kind}`}>
                {k.title} ({k.count(review).toLocaleString()})
              </label>
            </div>
          ))}
          <button
            type="button"
            class="primary"
            onClick={async () => {
              setError(null);
              try {
                const kinds = KINDS.filter(
                  (k) => k.applies && k.kind !== 'missing' && chosen[k.kind],
                ).map((k) => k.kind);
                onApplied(
                  await post<ImportView>(`/catalog/imports/${view.id}/apply`, {
                    kinds,
                    discontinueMissing: chosen.missing,
                  }),
                );
              } catch (e) {
                setError(e);
              }
            }}
          >
            Apply the chosen changes
          </button>
          <ErrorNote error={error} />
        </fieldset>
      )}
      {view.status === 'applied' && (
        <p role="status">
          Applied: {view.progress.applied.toLocaleString()} products changed in the catalog.
        </p>
      )}
    </section>
  );
}

function describe(row: Change): string {
  if (row.kind === 'invalid') return row.reason ?? 'invalid';
  const parts: string[] = [];
  const price = (label: string, change: PriceChange | null) => {
    if (change)
      parts.push(
        `${label} ${money(change.old)} → ${money(change.new)}${change.percent !== null ? ` (${change.percent > 0 ? '+' : ''}${change.percent}%)` : ''}`,
      );
  };
  price('price', row.retailPrice);
  price('cost', row.cost);
  for (const [field, change] of Object.entries(row.details ?? {}))
    parts.push(`${field}: ${String(change.old ?? '—')} → ${String(change.new ?? '—')}`);
  if (row.kind === 'missing') parts.push('not in the sheet: discontinue');
  if (row.kind === 'new') parts.push('new product');
  return parts.join('; ') || row.kind;
}
