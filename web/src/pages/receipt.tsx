import { get } from '../api';
import { barcodeDataUrl } from '../barcode';
import { dateTime } from '../format';
import type { Receipt, SetAsideLabel } from '../model';
import { href } from '../routes';
import { ErrorNote, useLoad } from '../ui';

/** What arrived and, in large type, whose it is; labels print on a label sheet. */
export function ReceiptScreen({ id }: { id: string }) {
  const receipt = useLoad((signal) => get<Receipt>(`/receipts/${id}`, { signal }), [id]);
  if (receipt.error) return <ErrorNote error={receipt.error} />;
  if (!receipt.data) return <p aria-busy="true">Loading the receipt…</p>;
  const r = receipt.data;
  const setAside = r.lines.flatMap((line) =>
    line.setAside.map((s) => ({ ...s, key: `${line.poLineId}-${s.backorderId}-${s.lineId}` })),
  );
  const substituteLabels = r.substitutions
    .filter((s) => s.label)
    .map((s) => ({
      label: s.label!,
      note: s.note ?? '',
      lineId: s.lineId,
      key: `sub-${s.backorderId}-${s.lineId}`,
    }));
  const labels: { label: SetAsideLabel; key: string; lineId?: string }[] = [
    ...setAside,
    ...substituteLabels,
  ];
  return (
    <>
      <div class="order-head no-print">
        <h1 tabIndex={-1}>
          Received {r.poNumber} · {r.vendorName}
        </h1>
        <button
          type="button"
          class="primary"
          onClick={() => print()}
          disabled={labels.length === 0}
        >
          Print {labels.length} label{labels.length === 1 ? '' : 's'}
        </button>
      </div>
      <p class="no-print">
        {dateTime(r.receivedAt)} by {r.receivedBy}: {r.totals.received} received,{' '}
        {r.totals.setAside} set aside, {r.totals.toStock} to stock
        {r.totals.short ? `, ${r.totals.short} short` : ''}
        {r.totals.over ? `, ${r.totals.over} over` : ''}.
      </p>
      <section aria-labelledby="set-aside-title" class="no-print">
        <h2 id="set-aside-title">Set aside</h2>
        {setAside.length === 0 && substituteLabels.length === 0 && (
          <p>Nothing is set aside: everything goes to stock.</p>
        )}
        <ul class="set-aside">
          {setAside.map((s) => (
            <li key={s.key}>
              <strong>
                {s.quantity} × {s.label.productName}
              </strong>{' '}
              for <strong>{s.label.customerName}</strong>,{' '}
              <a href={href('order', s.backorderId)}>{s.label.backorderNumber}</a>
            </li>
          ))}
          {substituteLabels.map((s) => (
            <li key={s.key}>{s.note}</li>
          ))}
        </ul>
        {r.substitutions.some((s) => s.decision === 'pending') && (
          <p class="warning">
            Substitutes wait for the customers' decision:{' '}
            {r.substitutions
              .filter((s) => s.decision === 'pending')
              .map((s) => s.product.name)
              .join(', ')}
            .
          </p>
        )}
      </section>
      <section aria-label="Labels" class="labels">
        {labels.map(({ label, key, lineId }) => (
          <Label key={key} label={label} lineId={lineId} />
        ))}
      </section>
    </>
  );
}

function Label({ label, lineId }: { label: SetAsideLabel; lineId?: string }) {
  return (
    <div class="label">
      <p class="label-customer">{label.customerName}</p>
      <p>
        Order <strong>{label.backorderNumber}</strong>
        {lineId ? ` · line ${lineId.replace(/^L/, '')}` : ''} · {label.quantity} unit
        {label.quantity === 1 ? '' : 's'}
      </p>
      <p>
        {label.productName} <small>{label.vendorSku}</small>
      </p>
      <img
        class="barcode"
        src={barcodeDataUrl(label.backorderNumber)}
        alt={`Barcode of order ${label.backorderNumber}`}
      />
    </div>
  );
}
