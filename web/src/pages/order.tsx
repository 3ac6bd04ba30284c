import { useState } from 'preact/hooks';
import { get, post } from '../api';
import { dateTime, day, money } from '../format';
import type { Backorder, BackorderLine, TimelineEntry } from '../model';
import {
  ActionButton,
  ErrorNote,
  Field,
  fieldError,
  FormError,
  ProductImage,
  StatusBadge,
  submits,
  useAction,
  useLoad,
} from '../ui';
import { OrderAccountPanel, seesMoney } from './order-account';

export function OrderScreen({ id }: { id: string }) {
  const order = useLoad((signal) => get<Backorder>(`/backorders/${id}`, { signal }), [id]);
  const timeline = useLoad(
    (signal) => get<{ entries: TimelineEntry[] }>(`/backorders/${id}/timeline`, { signal }),
    [id],
  );
  const reload = () => {
    order.reload();
    timeline.reload();
  };
  if (order.error) return <ErrorNote error={order.error} />;
  if (!order.data) return <p aria-busy="true">Loading the order…</p>;
  return (
    <>
      <OrderDetails order={order.data} onChange={reload} />
      {seesMoney() && <OrderAccountPanel orderId={id} onChange={timeline.reload} />}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ErrorNote error={timeline.error} />
        <ol class="timeline">
          {(timeline.data?.entries ?? []).map((entry) => (
            <li key={entry.eventId}>
              <time dateTime={entry.at}>{dateTime(entry.at)}</time> <strong>{entry.who}</strong>
              {entry.via ? <small> (via {entry.via})</small> : null}: {entry.what}
              {entry.why ? <em> — {entry.why}</em> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The order with its lines; lines waiting on stock offer Link and Order anyway. */
export function OrderDetails({ order, onChange }: { order: Backorder; onChange: () => void }) {
  return (
    <article class="order" aria-labelledby="order-title">
      <div class="order-head">
        <h1 id="order-title" tabIndex={-1}>
          Order {order.number}
        </h1>
        <button type="button" class="secondary no-print" onClick={() => print()}>
          Print
        </button>
      </div>
      <dl class="facts">
        <dt>Customer</dt>
        <dd>
          {order.customer.name}
          {order.customer.phone ? ` · ${order.customer.phone}` : ''}
          {order.customer.email ? ` · ${order.customer.email}` : ''}
        </dd>
        <dt>Placed</dt>
        <dd>
          {dateTime(order.placedAt)} by {order.salesperson}
        </dd>
        <dt>Status</dt>
        <dd>
          {order.status} — {order.summary}
        </dd>
        {order.eta && (
          <>
            <dt>Expected</dt>
            <dd>{day(order.eta)}</dd>
          </>
        )}
        <dt>Total</dt>
        <dd>{money(order.totals.ordered)}</dd>
      </dl>
      <table class="lines">
        <caption class="visually-hidden">Lines of order {order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Product</th>
            <th scope="col">Qty</th>
            <th scope="col">Price</th>
            <th scope="col">Status</th>
            <th scope="col">ETA</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <OrderLineRow key={line.lineId} orderId={order.id} line={line} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** A line of an order, and what to do once an action on it changed the order. */
interface LineProps {
  readonly orderId: string;
  readonly line: BackorderLine;
  readonly onChange: () => void;
}

function OrderLineRow({ orderId, line, onChange }: LineProps) {
  // A substitute the customer accepted is what they will get.
  const substituted =
    line.delivered !== null && line.delivered.productId !== line.product.productId;
  const product = substituted ? line.delivered! : line.product;
  return (
    <tr>
      <td>{line.lineNumber}</td>
      <td>
        <div class="product-cell">
          <ProductImage
            images={product.images}
            variant="thumbnail"
            alt={product.name}
            class="thumb"
          />
          <div>
            <strong>{product.name}</strong> {product.size}
            <br />
            <small>
              {product.vendorName ?? ''} {product.vendorSku}
              {substituted ? ` (substitute for ${line.product.name})` : ''}
            </small>
          </div>
        </div>
        {line.exceptionReason && <p class="warning">{line.exceptionReason}</p>}
        {line.status === 'awaiting-link' && (
          <StockDecision orderId={orderId} line={line} onChange={onChange} />
        )}
      </td>
      <td>{line.quantity}</td>
      <td>{money(line.unitPrice)}</td>
      <td>
        <StatusBadge status={line.status} />
        {line.purchaseOrders.map((po) => (
          <small key={po.poId} class="block">
            {po.poNumber} ({po.poStatus})
          </small>
        ))}
      </td>
      <td>
        {day(line.eta)}
        {line.etaHistory.length > 1 && (
          <small class="block">
            was{' '}
            {line.etaHistory
              .slice(0, -1)
              .map((h) => day(h.eta))
              .join(', ')}
          </small>
        )}
      </td>
    </tr>
  );
}

/** In stock: link the units on hand, or order anyway with a reason. */
export function StockDecision({ orderId, line, onChange }: LineProps) {
  const [reason, setReason] = useState('');
  const orderAnyway = useAction(async () => {
    await post(`/backorders/${orderId}/lines/${line.lineId}/order`, { reason });
    onChange();
  });
  const { busy, error } = orderAnyway;
  return (
    <div class="decision no-print">
      <p class="in-stock">In stock: {line.availableInStock} available. Link instead of ordering?</p>
      <ActionButton
        label="Link from stock"
        kind="primary"
        run={() => post(`/backorders/${orderId}/lines/${line.lineId}/link-stock`, {})}
        done={onChange}
      />
      <form class="inline" onSubmit={submits(orderAnyway)}>
        <Field
          label="Reason to order anyway"
          value={reason}
          onValue={setReason}
          required
          error={fieldError(error, 'reason')}
        />
        <button type="submit" class="secondary" disabled={busy}>
          Order anyway
        </button>
        <FormError error={error} fields={['reason']} />
      </form>
    </div>
  );
}
