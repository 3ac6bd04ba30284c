import { useState } from 'preact/hooks';
import { currentSession, get, post, withQuery } from '../api';
import { money, parseMoney } from '../format';
import type { Backorder, Customer, Page, Product } from '../model';
import {
  ErrorNote,
  Field,
  fieldError,
  FormError,
  submits,
  useAction,
  useDebounced,
  useLoad,
} from '../ui';
import { OrderDetails } from './order';
import {
  NO_TENDER,
  OrderAccountPanel,
  recordTender,
  type Tender,
  TenderFields,
  tenderProblem,
} from './order-account';
import { ProductSearch } from './product-search';

interface CartLine {
  readonly product: Product;
  quantity: string;
  price: string;
}

/** A new backorder with the customer waiting: customer, products, quantities, prices, place. */
export function Counter() {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [lines, setLines] = useState<CartLine[]>([]);
  const [notes, setNotes] = useState('');
  const [placed, setPlaced] = useState<Backorder | null>(null);
  const [deposit, setDeposit] = useState<Tender>(NO_TENDER);
  const [failedDeposit, setFailedDeposit] = useState<{ tender: Tender; error: unknown } | null>(
    null,
  );
  const currency = lines[0]?.product.retailPrice.currency ?? 'USD';

  const reloadPlaced = async (id: string) => setPlaced(await settledOrder(id));
  const place = useAction(async () => {
    if (tenderProblem(deposit)) return;
    const answer = await post<{ id: string }>('/backorders', {
      customerId: customer!.id,
      salesperson: currentSession()?.username,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      lines: lines.map((line) => {
        const amount = parseMoney(line.price);
        return {
          productId: line.product.id,
          quantity: Number(line.quantity),
          ...(amount !== null && amount !== line.product.retailPrice.amount
            ? { unitPrice: { amount, currency: line.product.retailPrice.currency } }
            : {}),
        };
      }),
    });
    // The order stands once placed: a deposit the server refuses is shown on the placed order,
    // with its error, to correct and take again.
    if (deposit.amount.trim()) {
      try {
        await recordTender(answer.id, 'deposits', deposit, currency);
      } catch (refused) {
        setFailedDeposit({ tender: deposit, error: refused });
      }
    }
    await reloadPlaced(answer.id);
  });
  const { busy, error } = place;

  if (placed) {
    return (
      <>
        <OrderDetails order={placed} onChange={() => void reloadPlaced(placed.id)} />
        <OrderAccountPanel orderId={placed.id} failedDeposit={failedDeposit} />
        <p class="no-print">
          <button
            type="button"
            class="primary"
            onClick={() => {
              setPlaced(null);
              setCustomer(null);
              setLines([]);
              setNotes('');
              setDeposit(NO_TENDER);
              setFailedDeposit(null);
            }}
          >
            Next customer
          </button>
        </p>
      </>
    );
  }

  const update = (index: number, change: Partial<CartLine>) =>
    setLines(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));

  return (
    <>
      <h1 tabIndex={-1}>Counter: new backorder</h1>
      <div class="counter">
        <CustomerPicker chosen={customer} onChoose={setCustomer} />
        <ProductSearch
          idPrefix="counter"
          pickLabel="Add"
          onPick={(product) =>
            setLines([
              ...lines,
              { product, quantity: '1', price: (product.retailPrice.amount / 100).toFixed(2) },
            ])
          }
        />
        <section aria-labelledby="order-lines-title" class="cart">
          <h2 id="order-lines-title">The order</h2>
          {lines.length === 0 && <p class="hint">Add products from the search.</p>}
          <ol class="cart-lines">
            {lines.map((line, index) => {
              const available = line.product.onHand - line.product.reserved;
              return (
                <li key={`${line.product.id}-${index}`} class="card">
                  <div>
                    <strong>{line.product.name}</strong> {line.product.size}{' '}
                    <small>{line.product.vendorSku}</small>
                  </div>
                  {available > 0 && (
                    <p class="in-stock" role="status">
                      In stock: {available} available. After placing, link it from stock instead of
                      ordering.
                    </p>
                  )}
                  <div class="row">
                    <Field
                      label="Quantity"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={999}
                      value={line.quantity}
                      onValue={(v) => update(index, { quantity: v })}
                      error={fieldError(error, `lines.${index}.quantity`)}
                    />
                    <Field
                      label={`Unit price (${line.product.retailPrice.currency})`}
                      inputMode="decimal"
                      value={line.price}
                      onValue={(v) => update(index, { price: v })}
                      hint={`List ${money(line.product.retailPrice)}`}
                      error={fieldError(error, `lines.${index}.unitPrice`)}
                    />
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setLines(lines.filter((_, i) => i !== index))}
                    >
                      Remove
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <Field
            label="Notes (optional)"
            value={notes}
            onValue={setNotes}
            error={fieldError(error, 'notes')}
          />
          <p>
            Total:{' '}
            <strong>
              {money({
                amount: lines.reduce(
                  (sum, l) => sum + (parseMoney(l.price) ?? 0) * (Number(l.quantity) || 0),
                  0,
                ),
                currency,
              })}
            </strong>{' '}
            <small>before tax</small>
          </p>
          <TenderFields
            label={`Deposit (${currency}, optional)`}
            tender={deposit}
            onTender={setDeposit}
            error={null}
          />
          <button
            type="button"
            class="primary big"
            disabled={busy || !customer || lines.length === 0}
            onClick={place.run}
          >
            {busy ? 'Placing…' : 'Place order'}
          </button>
          {!customer && <p class="hint">Choose the customer first.</p>}
          <ErrorNote error={error} />
        </section>
      </div>
    </>
  );
}

/**
 * The order once the shop has acted on it (stock first, or onto a vendor PO): those steps follow
 * the placement within moments, so a line still "to order" is read again a few times.
 */
async function settledOrder(id: string): Promise<Backorder> {
  let order = await get<Backorder>(`/backorders/${id}`);
  for (
    let attempt = 0;
    attempt < 20 && order.lines.some((l) => l.status === 'to-order');
    attempt++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    order = await get<Backorder>(`/backorders/${id}`);
  }
  return order;
}

function CustomerPicker({
  chosen,
  onChoose,
}: {
  chosen: Customer | null;
  onChoose: (c: Customer | null) => void;
}) {
  const [query, setQuery] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const create = useAction(async () => {
    const made = await post<{ id: string }>('/customers', {
      name: query.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
    });
    onChoose(await get<Customer>(`/customers/${made.id}`));
  });
  const error = create.error;
  const q = useDebounced(query.trim(), 150);
  const found = useLoad(
    (signal) =>
      q && !chosen
        ? get<Page<Customer>>(withQuery('/customers', { q, limit: 8 }), { signal })
        : Promise.resolve(null),
    [q, chosen],
  );
  if (chosen) {
    return (
      <section aria-labelledby="customer-title" class="customer">
        <h2 id="customer-title">Customer</h2>
        <p class="chosen">
          <strong>{chosen.name}</strong> {chosen.phone} {chosen.email}{' '}
          <button type="button" class="secondary" onClick={() => onChoose(null)}>
            Change
          </button>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="customer-title" class="customer">
      <h2 id="customer-title">Customer</h2>
      <Field
        label="Name, phone or email"
        type="search"
        value={query}
        onValue={setQuery}
        autoComplete="off"
        autoFocus
        error={fieldError(error, 'name')}
      />
      <ErrorNote error={found.error} />
      <ul class="choices" aria-live="polite">
        {(found.data?.items ?? []).map((customer) => (
          <li key={customer.id}>
            <button type="button" class="choice" onClick={() => onChoose(customer)}>
              <strong>{customer.name}</strong>{' '}
              <small>{[customer.phone, customer.email].filter(Boolean).join(' · ')}</small>
            </button>
          </li>
        ))}
      </ul>
      {q && found.data && (
        <form class="new-customer" onSubmit={submits(create)}>
          <p>
            {found.data.items.length === 0 ? 'No customer found.' : 'Not listed?'} New customer “
            {query.trim()}”:
          </p>
          <div class="row">
            <Field
              label="Phone"
              type="tel"
              value={phone}
              onValue={setPhone}
              autoComplete="off"
              error={fieldError(error, 'phone')}
            />
            <Field
              label="Email"
              type="email"
              value={email}
              onValue={setEmail}
              autoComplete="off"
              error={fieldError(error, 'email')}
            />
          </div>
          <button type="submit" class="secondary" disabled={create.busy}>
            Add customer
          </button>
          <FormError error={error} fields={['name', 'phone', 'email']} />
        </form>
      )}
    </section>
  );
}
