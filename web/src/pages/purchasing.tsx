import { useState } from 'preact/hooks';
import { get, post } from '../api';
import { dateTime, day, money } from '../format';
import type { PurchaseOrder, PurchaseOrderLine } from '../model';
import { AT_VENDOR, purchaseOrdersIn } from '../purchase-orders';
import { href } from '../routes';
import {
  ActionButton,
  ErrorNote,
  Field,
  fieldError,
  FormError,
  submits,
  useAction,
  useLoad,
} from '../ui';

interface VendorDrafts {
  readonly vendorId: string;
  readonly vendorName: string;
  readonly drafts: readonly PurchaseOrder[];
}

/** Draft POs per vendor with the customers they serve; submit, confirm, dates, cancellations. */
export function Purchasing({ selected }: { selected: string | null }) {
  const drafts = useLoad(
    (signal) => get<VendorDrafts[]>('/purchase-orders/drafts', { signal }),
    [],
  );
  const open = useLoad((signal) => purchaseOrdersIn(AT_VENDOR, signal), []);
  const reloadLists = () => {
    drafts.reload();
    open.reload();
  };
  return (
    <>
      <h1 tabIndex={-1}>Purchasing</h1>
      <div class="split">
        <nav aria-label="Purchase orders" class="list-pane">
          <h2>Drafts by vendor</h2>
          <ErrorNote error={drafts.error} />
          {(drafts.data ?? []).map((vendor) => (
            <section key={vendor.vendorId} aria-label={vendor.vendorName}>
              <h3>{vendor.vendorName}</h3>
              <ul class="plain">
                {vendor.drafts.map((po) => (
                  <li key={po.id}>
                    <a
                      href={href('purchasing', po.id)}
                      aria-current={po.id === selected ? 'true' : undefined}
                    >
                      {po.number}
                    </a>{' '}
                    <small>
                      {po.counts.units} units, {po.counts.unitsForCustomers} for customers
                    </small>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <h2>At the vendors</h2>
          <ErrorNote error={open.error} />
          <ul class="plain">
            {(open.data ?? []).map((po) => (
              <li key={po.id}>
                <a
                  href={href('purchasing', po.id)}
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
            <PurchaseOrderDetail key={selected} id={selected} onChange={reloadLists} />
          ) : (
            <p>Choose a purchase order.</p>
          )}
        </div>
      </div>
    </>
  );
}

function PurchaseOrderDetail({ id, onChange }: { id: string; onChange: () => void }) {
  const po = useLoad((signal) => get<PurchaseOrder>(`/purchase-orders/${id}`, { signal }), [id]);
  const changed = () => {
    po.reload();
    onChange();
  };
  if (po.error) return <ErrorNote error={po.error} />;
  if (!po.data) return <p aria-busy="true">Loading…</p>;
  const order = po.data;
  return (
    <article aria-labelledby="po-title">
      <h2 id="po-title">
        {order.number} · {order.vendorName}
      </h2>
      <p>
        <span class="badge">{order.status}</span> opened {dateTime(order.openedAt)} ·{' '}
        {order.counts.units} units ({order.counts.unitsForCustomers} for customers,{' '}
        {order.counts.unitsForStock} for stock) · cost {money(order.totals.cost)}
        {order.vendorReference ? ` · vendor ref ${order.vendorReference}` : ''}
      </p>
      {order.status === 'draft' && (
        <ActionButton
          label="Submit to vendor"
          kind="primary"
          run={() => post(`/purchase-orders/${id}/submit`, {})}
          done={changed}
        />
      )}
      {order.status === 'submitted' && <Acknowledge po={order} onDone={changed} />}
      {(order.status === 'submitted' ||
        order.status === 'acknowledged' ||
        order.status === 'partially-received') && (
        <p>
          <a href={href('receiving', id)}>Receive this PO</a>
        </p>
      )}
      <table class="lines">
        <caption class="visually-hidden">Lines of {order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Qty</th>
            <th scope="col">For customers</th>
            <th scope="col">ETA</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <PurchaseOrderLineRow key={line.poLineId} po={order} line={line} onChange={changed} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

function PurchaseOrderLineRow({
  po,
  line,
  onChange,
}: {
  po: PurchaseOrder;
  line: PurchaseOrderLine;
  onChange: () => void;
}) {
  const [eta, setEta] = useState(line.eta ?? '');
  const [reason, setReason] = useState('');
  const revise = useAction(async () => {
    await post(`/purchase-orders/${po.id}/lines/${line.poLineId}/eta`, {
      eta,
      source: 'vendor',
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    onChange();
  });
  const etaError = revise.error;
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const affected = line.allocations ?? [];
  const atVendor = po.status === 'acknowledged' || po.status === 'partially-received';
  return (
    <tr class={line.cancelled ? 'cancelled' : undefined}>
      <td>
        <strong>{line.product.name}</strong> {line.product.size}
        <small class="block">{line.product.vendorSku}</small>
        {line.cancelled && <span class="badge status-cancelled">cancelled</span>}
      </td>
      <td>
        {line.quantity}
        {line.received ? <small class="block">{line.received} received</small> : null}
      </td>
      <td>
        <ul class="plain">
          {affected.map((a) => (
            <li key={a.allocationId}>
              <a href={href('order', a.backorderId)}>{a.backorderNumber}</a> {a.customerName} (
              {a.quantity})
            </li>
          ))}
          {line.forStock > 0 && <li>{line.forStock} for stock</li>}
        </ul>
      </td>
      <td>
        {day(line.eta)}
        {atVendor && !line.cancelled && (
          <form class="stack" onSubmit={submits(revise)}>
            <Field
              label="New ETA"
              type="date"
              value={eta}
              onValue={setEta}
              required
              error={fieldError(etaError, 'eta')}
            />
            <Field
              label="Reason"
              value={reason}
              onValue={setReason}
              error={fieldError(etaError, 'reason')}
            />
            <button type="submit" class="secondary" disabled={revise.busy}>
              Revise ETA
            </button>
            <FormError error={etaError} fields={['eta', 'reason']} />
          </form>
        )}
      </td>
      <td>
        {!line.cancelled && po.status !== 'received' && po.status !== 'closed' && (
          <>
            {!cancelling ? (
              <button type="button" class="danger" onClick={() => setCancelling(true)}>
                Cancel line…
              </button>
            ) : (
              <div class="stack" role="group" aria-label="Cancel this line">
                <p class="warning">
                  {affected.length
                    ? `Affects ${affected.map((a) => `${a.customerName} (${a.backorderNumber})`).join(', ')}: their lines go to “needs attention”.`
                    : 'No customer waits on this line.'}
                </p>
                <Field label="Reason" value={cancelReason} onValue={setCancelReason} required />
                <ActionButton
                  label="Cancel the line"
                  kind="danger"
                  run={() =>
                    post(`/purchase-orders/${po.id}/lines/${line.poLineId}/cancel`, {
                      reason: cancelReason,
                    })
                  }
                  done={onChange}
                />
                <button type="button" class="secondary" onClick={() => setCancelling(false)}>
                  Keep it
                </button>
              </div>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

/** The vendor's confirmation: their reference and a date per line. */
function Acknowledge({ po, onDone }: { po: PurchaseOrder; onDone: () => void }) {
  const [reference, setReference] = useState('');
  const [etas, setEtas] = useState<Record<string, string>>({});
  const lines = po.lines.filter((l) => !l.cancelled);
  const acknowledge = useAction(async () => {
    await post(`/purchase-orders/${po.id}/acknowledge`, {
      ...(reference.trim() ? { vendorReference: reference.trim() } : {}),
      etas: lines
        .filter((l) => etas[l.poLineId])
        .map((l) => ({ poLineId: l.poLineId, eta: etas[l.poLineId] })),
    });
    onDone();
  });
  const error = acknowledge.error;
  return (
    <form class="card" aria-label="Vendor acknowledgement" onSubmit={submits(acknowledge)}>
      <h3>Vendor acknowledgement</h3>
      <Field
        label="Vendor reference"
        value={reference}
        onValue={setReference}
        error={fieldError(error, 'vendorReference')}
      />
      {lines.map((line, index) => (
        <Field
          key={line.poLineId}
          label={`ETA for ${line.product.name} ${line.product.size ?? ''}`}
          type="date"
          value={etas[line.poLineId] ?? ''}
          onValue={(v) => setEtas({ ...etas, [line.poLineId]: v })}
          error={fieldError(error, `etas.${index}`)}
        />
      ))}
      <button type="submit" class="primary" disabled={acknowledge.busy}>
        Record acknowledgement
      </button>
      <FormError error={error} fields={['vendorReference', 'etas']} />
    </form>
  );
}
