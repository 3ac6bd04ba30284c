import { useState } from 'preact/hooks';
import { ApiError, currentSession, get, post } from '../api';
import { dateTime, money, parseMoney } from '../format';
import type { Money } from '../format';
import {
  ErrorNote,
  Field,
  fieldError,
  SelectField,
  submits,
  Table,
  useAction,
  useLoad,
} from '../ui';

interface AccountPayment {
  readonly id: string;
  readonly kind: 'deposit' | 'payment';
  readonly amount: Money;
  readonly method: string;
  readonly reference: string | null;
  readonly at: string;
  readonly by: string;
}

interface OrderAccount {
  readonly currency: string;
  readonly totals: { total: Money; paid: Money; refunded: Money };
  readonly payments: readonly AccountPayment[];
  readonly balanceDue: Money;
}

const METHODS = ['card', 'cash', 'cheque', 'transfer'].map((m) => ({ value: m, label: m }));

/** Money handed over at the counter: how much, how, and the cheque or transfer number. */
export interface Tender {
  amount: string;
  method: string;
  reference: string;
}

export const NO_TENDER: Tender = { amount: '', method: 'card', reference: '' };

/** Who may see an order's money: the counter, accounting and auditors. */
export const seesMoney = () =>
  ['sales', 'accounting', 'auditor'].some((r) => currentSession()?.roles.includes(r));

/** A typed amount that is not money (not "120" or "120.50"): said beside the field at once. */
export const tenderProblem = (tender: Tender): string | null =>
  tender.amount.trim() && !parseMoney(tender.amount)
    ? 'amount must be money, like 100 or 100.00'
    : null;

/** Records a deposit or payment; the server's answer carries the balance due after it. */
export function recordTender(
  orderId: string,
  kind: 'deposits' | 'payments',
  tender: Tender,
  currency: string,
): Promise<{ balanceDue: Money }> {
  return post(`/backorders/${orderId}/account/${kind}`, {
    amount: { amount: parseMoney(tender.amount), currency },
    method: tender.method,
    ...(tender.reference.trim() ? { reference: tender.reference.trim() } : {}),
  });
}

/**
 * The amount, method and reference fields, each with the server's words about it; a business
 * rule the amount broke (more than the balance due) shows under the amount too.
 */
export function TenderFields({
  label,
  tender,
  onTender,
  error,
}: {
  label: string;
  tender: Tender;
  onTender: (tender: Tender) => void;
  error: unknown;
}) {
  const ruleBroken = error instanceof ApiError && error.status === 422 ? error.message : null;
  return (
    <div class="row">
      <Field
        label={label}
        inputMode="decimal"
        value={tender.amount}
        onValue={(amount) => onTender({ ...tender, amount })}
        error={tenderProblem(tender) ?? fieldError(error, 'amount') ?? ruleBroken}
      />
      <SelectField
        label="Paid by"
        value={tender.method}
        onValue={(method) => onTender({ ...tender, method })}
        options={METHODS}
        error={fieldError(error, 'method')}
      />
      {(tender.method === 'cheque' || tender.method === 'transfer') && (
        <Field
          label="Cheque or transfer number"
          value={tender.reference}
          onValue={(reference) => onTender({ ...tender, reference })}
          error={fieldError(error, 'reference')}
        />
      )}
    </div>
  );
}

/** The error of a money action unless it is already shown beside one of the tender fields. */
export function TenderError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 422) return null;
  if (error instanceof ApiError && ['amount', 'method', 'reference'].some((f) => error.about(f)))
    return null;
  return <ErrorNote error={error} />;
}

/** The order's money: what it costs, what was paid, the balance due, and more money taken. */
export function OrderAccountPanel({
  orderId,
  onChange,
  failedDeposit,
}: {
  orderId: string;
  onChange?: () => void;
  /** A deposit typed at the counter that the server refused: shown again with its error. */
  failedDeposit?: { tender: Tender; error: unknown } | null;
}) {
  const account = useLoad(
    (signal) => get<OrderAccount>(`/backorders/${orderId}/account`, { signal }),
    [orderId],
  );
  const [kind, setKind] = useState<'deposits' | 'payments'>('deposits');
  const [tender, setTender] = useState<Tender>(failedDeposit?.tender ?? NO_TENDER);
  const [counterFailure, setCounterFailure] = useState(failedDeposit?.error ?? null);
  const take = useAction(async () => {
    setCounterFailure(null);
    if (tenderProblem(tender) || !account.data) return;
    await recordTender(orderId, kind, tender, account.data.currency);
    setTender(NO_TENDER);
    account.reload();
    onChange?.();
  });
  const error = take.error ?? counterFailure;
  const data = account.data;
  return (
    <section aria-labelledby="account-title" class="account">
      <h2 id="account-title">Money</h2>
      <ErrorNote error={account.error} />
      {data && (
        <>
          <dl class="facts">
            <dt>Invoice total</dt>
            <dd>{money(data.totals.total)}</dd>
            <dt>Paid</dt>
            <dd>{money(data.totals.paid)}</dd>
            {data.totals.refunded.amount > 0 && (
              <>
                <dt>Refunded</dt>
                <dd>{money(data.totals.refunded)}</dd>
              </>
            )}
            <dt>Balance due</dt>
            <dd>
              <strong class="balance-due">{money(data.balanceDue)}</strong>
            </dd>
          </dl>
          {data.payments.length > 0 && (
            <Table
              caption="Deposits and payments"
              columns={[
                { header: 'When', cell: (p: AccountPayment) => dateTime(p.at) },
                { header: 'What', cell: (p: AccountPayment) => p.kind },
                { header: 'Amount', cell: (p: AccountPayment) => money(p.amount), numeric: true },
                {
                  header: 'Paid by',
                  cell: (p: AccountPayment) => `${p.method}${p.reference ? ` ${p.reference}` : ''}`,
                },
                { header: 'Taken by', cell: (p: AccountPayment) => p.by },
              ]}
              rows={data.payments}
              rowKey={(p) => p.id}
            />
          )}
          {data.balanceDue.amount > 0 && currentSession()?.roles.some((r) => r !== 'auditor') && (
            <form class="stack no-print" onSubmit={submits(take)}>
              <SelectField
                label="Take"
                value={kind}
                onValue={(v) => setKind(v as 'deposits' | 'payments')}
                options={[
                  { value: 'deposits', label: 'a deposit' },
                  { value: 'payments', label: 'a payment' },
                ]}
              />
              <TenderFields
                label={`Amount (${data.currency})`}
                tender={tender}
                onTender={setTender}
                error={error}
              />
              <button type="submit" class="primary" disabled={take.busy || !tender.amount.trim()}>
                {take.busy ? 'Recording…' : 'Record the money'}
              </button>
              <TenderError error={error} />
            </form>
          )}
        </>
      )}
    </section>
  );
}
