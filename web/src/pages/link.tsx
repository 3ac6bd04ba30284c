import { get, withQuery } from '../api';
import type { Backorder, Page } from '../model';
import { href } from '../routes';
import { ErrorNote, useLoad } from '../ui';
import { StockDecision } from './order';

/** Lines waiting for a decision because their product is on hand: link it, or order anyway. */
export function LinkScreen() {
  const orders = useLoad(
    (signal) =>
      get<Page<Backorder>>(withQuery('/backorders', { status: 'awaiting-link', limit: 100 }), {
        signal,
      }),
    [],
  );
  const waiting = (orders.data?.items ?? []).flatMap((order) =>
    order.lines.filter((line) => line.status === 'awaiting-link').map((line) => ({ order, line })),
  );
  return (
    <>
      <h1 tabIndex={-1}>Backorder link</h1>
      <ErrorNote error={orders.error} />
      {orders.data && waiting.length === 0 && (
        <p>No line is waiting: nothing ordered is on hand.</p>
      )}
      <ul class="results">
        {waiting.map(({ order, line }) => (
          <li key={`${order.id}-${line.lineId}`} class="card">
            <a href={href('order', order.id)} class="card-title">
              {order.number} · {order.customer.name} · line {line.lineNumber}
            </a>
            <span>
              {line.quantity} × {line.product.name} {line.product.size}{' '}
              <small>
                ({line.product.vendorName} {line.product.vendorSku})
              </small>
            </span>
            <StockDecision orderId={order.id} line={line} onChange={orders.reload} />
          </li>
        ))}
      </ul>
    </>
  );
}
