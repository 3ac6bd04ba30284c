import { useState } from 'preact/hooks';
import { get, post } from '../api';
import { day } from '../format';
import type { Product, ReceivingView } from '../model';
import { AT_VENDOR, purchaseOrdersIn } from '../purchase-orders';
import { go, href } from '../routes';
import { ErrorNote, Field, fieldError, submits, useAction, useLoad } from '../ui';
import { ProductSearch } from './product-search';

/** The truck is at the door: pick the PO, count what arrived, see at once whose it is. */
export function Receiving({ selected }: { selected: string | null }) {
  const [filter, setFilter] = useState('');
  const pos = useLoad((signal) => purchaseOrdersIn(AT_VENDOR, signal), []);
  const needle = filter.trim().toLowerCase();
  const shown = (pos.data ?? []).filter(
    (po) =>
      !needle ||
      `${po.number} ${po.vendorName} ${po.vendorReference ?? ''}`.toLowerCase().includes(needle),
  );
  return (
    <>
      <h1 tabIndex={-1}>Receiving</h1>
      <div class="split">
        <nav aria-label="Purchase orders to receive" class="list-pane">
          <Field
            label="PO number, vendor or reference"
            type="search"
            value={filter}
            onValue={setFilter}
            autoComplete="off"
          />
          <ErrorNote error={pos.error} />
          <ul class="plain">
            {shown.map((po) => (
              <li key={po.id}>
                <a
                  href={href('receiving', po.id)}
                  aria-current={po.id === selected ? 'true' : undefined}
                >
                  {po.number}
                </a>{' '}
                <small>
                  {po.vendorName} · {po.status}
                </small>
              </li>
            ))}
          </ul>
        </nav>
        <div class="detail-pane">
          {selected ? (
            <ReceiveForm key={selected} poId={selected} />
          ) : (
            <p>Choose the purchase order that arrived.</p>
          )}
        </div>
      </div>
    </>
  );
}

interface Substitute {
  readonly product: Product;
  quantity: string;
}

function ReceiveForm({ poId }: { poId: string }) {
  const view = useLoad(
    (signal) => get<ReceivingView>(`/purchase-orders/${poId}/receiving`, { signal }),
    [poId],
  );
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [substitutes, setSubstitutes] = useState<Record<string, Substitute>>({});
  const [choosingFor, setChoosingFor] = useState<string | null>(null);
  const record = useAction(async () => {
    const lines = view.data?.lines ?? [];
    const receipt = await post<{ id: string }>(`/purchase-orders/${poId}/receipts`, {
      lines: lines.map((line) => {
        const substitute = substitutes[line.poLineId];
        return {
          poLineId: line.poLineId,
          quantity: Number(counts[line.poLineId] ?? 0) || 0,
          ...(substitute
            ? {
                substitute: {
                  productId: substitute.product.id,
                  quantity: Number(substitute.quantity) || 0,
                },
              }
            : {}),
        };
      }),
    });
    go('receipt', receipt.id);
  });
  const { busy, error } = record;
  if (view.error) return <ErrorNote error={view.error} />;
  if (!view.data) return <p aria-busy="true">Loading…</p>;
  const po = view.data;
  return (
    <form aria-labelledby="receive-title" onSubmit={submits(record)}>
      <h2 id="receive-title">
        {po.number} · {po.vendorName}
      </h2>
      {!po.receivable && <p class="warning">This PO cannot be received ({po.status}).</p>}
      <ol class="receive-lines">
        {po.lines.map((line, index) => {
          const substitute = substitutes[line.poLineId];
          return (
            <li key={line.poLineId} class="card">
              <div>
                <strong>{line.product.name}</strong> {line.product.size}{' '}
                <small>{line.product.vendorSku}</small>
              </div>
              <p>
                Expected {line.expected} of {line.ordered}
                {line.eta ? ` (ETA ${day(line.eta)})` : ''}.{' '}
                {line.forCustomers.length > 0 && (
                  <>
                    For:{' '}
                    {line.forCustomers
                      .map((c) => `${c.customerName} (${c.backorderNumber}, ${c.quantity})`)
                      .join('; ')}
                  </>
                )}
                {line.forStock > 0 && ` ${line.forStock} for stock.`}
              </p>
              <div class="row">
                <Field
                  label={`Arrived: ${line.product.name} ${line.product.size ?? ''}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={999}
                  value={counts[line.poLineId] ?? ''}
                  onValue={(v) => setCounts({ ...counts, [line.poLineId]: v })}
                  hint={`0 if nothing came; fewer than ${line.expected} records a shortage`}
                  error={fieldError(error, `lines.${index}.quantity`)}
                  class="count-input"
                />
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    setCounts({
                      ...counts,
                      [line.poLineId]: String((Number(counts[line.poLineId]) || 0) + 1),
                    })
                  }
                  aria-label={`+1 ${line.product.name} ${line.product.size ?? ''}`}
                >
                  +1
                </button>
              </div>
              {substitute ? (
                <div class="row">
                  <p>
                    Substitute: <strong>{substitute.product.name}</strong> {substitute.product.size}{' '}
                    ({substitute.product.vendorSku})
                  </p>
                  <Field
                    label="Substitute units"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    value={substitute.quantity}
                    onValue={(v) =>
                      setSubstitutes({
                        ...substitutes,
                        [line.poLineId]: { ...substitute, quantity: v },
                      })
                    }
                    error={fieldError(error, `lines.${index}.substitute`)}
                  />
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      setSubstitutes(
                        Object.fromEntries(
                          Object.entries(substitutes).filter(([k]) => k !== line.poLineId),
                        ),
                      )
                    }
                  >
                    No substitute
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    setChoosingFor(choosingFor === line.poLineId ? null : line.poLineId)
                  }
                >
                  The vendor sent something else…
                </button>
              )}
              {choosingFor === line.poLineId && (
                <ProductSearch
                  idPrefix={`sub-${index}`}
                  pickLabel="Is the substitute"
                  onPick={(product) => {
                    setSubstitutes({ ...substitutes, [line.poLineId]: { product, quantity: '1' } });
                    setChoosingFor(null);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
      <button type="submit" class="primary big" disabled={busy || !po.receivable}>
        {busy ? 'Recording…' : 'Record what arrived'}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
